import { useI18n } from '../../../app/i18n';
import { apiKeysEn } from './en';
import { apiKeysKo, type ApiKeysDictionary } from './ko';

export type { ApiKeysDictionary };
export { API_KEYS_MENU } from './ko';

const API_KEYS: Record<'ko' | 'en', ApiKeysDictionary> = { ko: apiKeysKo, en: apiKeysEn };

/** The app's language hook plus this screen's own words: `t` (shared), `k` (API keys). */
export function useApiKeysI18n() {
  const { lang, t } = useI18n();
  return { lang, t, k: API_KEYS[lang] };
}
