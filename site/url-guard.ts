/**
 * Runs before anything else on the page (main.ts imports it first): repairs a
 * link's undecodable escapes before TF.js, which decodes every query parameter
 * at import without catching errors, can read them. The repaired address
 * replaces the current one, with every other parameter and the fragment kept;
 * the page's URL notice says what was changed.
 */
import { repairSearch } from '../src/page/url-repair';
import { urlNotices } from '../src/page/url-notices.svelte';

const { search, issues } = repairSearch(location.search);
if (search !== location.search) {
  history.replaceState(history.state, '', location.pathname + search + location.hash);
}
urlNotices.add(issues);
