import { useI18n } from '../../../app/i18n';
import { detailEn } from './en';
import { detailKo, type DetailDictionary } from './ko';

export type { DetailDictionary };

const DETAIL: Record<'ko' | 'en', DetailDictionary> = { ko: detailKo, en: detailEn };

/** The app's language hook plus this screen's own words: `t` (shared), `d` (order detail). */
export function useDetailI18n() {
  const { lang, t } = useI18n();
  return { lang, t, d: DETAIL[lang] };
}
