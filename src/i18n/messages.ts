/**
 * The UI's words: typed message functions compiled by Paraglide JS from
 * messages/<locale>.json (npm run i18n). Each reads the page's locale.
 */
export { m } from './paraglide/messages.js';
