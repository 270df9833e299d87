/** The glossary in the page's language: the words <Def> defines in the margin. */
import { translatedGlossary, type Glossary } from '../translations';
import { glossary } from './glossary';
import { pageLocale } from '../../src/i18n/locale';

export function glossaryFor(): Glossary {
  return translatedGlossary[pageLocale()] ?? glossary;
}
