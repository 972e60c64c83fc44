import { useI18n, type Lang } from '../../../app/i18n';
import { printEn } from './en';
import { printKo, type PrintDictionary } from './ko';

export type { PrintDictionary };
const PRINT: Record<Lang, PrintDictionary> = { ko: printKo, en: printEn };

/** The app's i18n hook, with the print view's dictionary (`p`) next to the app's (`t`). */
export function usePrintI18n() {
  const { lang, t } = useI18n();
  return { lang, t, p: PRINT[lang] };
}
