import { useI18n, type Lang } from '../../../app/i18n';
import { bulkEn } from './en';
import { bulkKo, type BulkDictionary } from './ko';

export type { BulkDictionary };
export const BULK_DICTIONARIES: Record<Lang, BulkDictionary> = { ko: bulkKo, en: bulkEn };

/** The app's i18n hook, with this feature's dictionary (`b`) next to the app's (`t`). */
export function useBulkI18n() {
  const { lang, t } = useI18n();
  return { lang, t, b: BULK_DICTIONARIES[lang] };
}
