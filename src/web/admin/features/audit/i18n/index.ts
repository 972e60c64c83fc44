import { useI18n } from '../../../app/i18n';
import { auditEn } from './en';
import { auditKo, type AuditDictionary } from './ko';

const AUDIT: Record<'ko' | 'en', AuditDictionary> = { ko: auditKo, en: auditEn };

/** The app's language hook plus the record screens' own words (`a`). */
export function useAuditI18n() {
  const { lang, t } = useI18n();
  return { lang, t, a: AUDIT[lang] };
}
