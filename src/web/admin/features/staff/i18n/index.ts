import { useI18n } from '../../../app/i18n';
import { staffEn } from './en';
import { staffKo, type StaffDictionary } from './ko';

const STAFF: Record<'ko' | 'en', StaffDictionary> = { ko: staffKo, en: staffEn };

/** The app's language hook plus these screens' own words: `t` (shared), `s` (staff). */
export function useStaffI18n() {
  const { lang, t } = useI18n();
  return { lang, t, s: STAFF[lang] };
}

/** The menu's link to 직원 관리 (the shell shows it to those who may read the list). */
export const STAFF_MENU_LABEL: Record<'ko' | 'en', string> = { ko: staffKo.menu, en: staffEn.menu };
