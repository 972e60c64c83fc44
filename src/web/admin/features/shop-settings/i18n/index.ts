import { useI18n } from '../../../app/i18n';
import { shopSettingsEn } from './en';
import { shopSettingsKo, type ShopSettingsDictionary } from './ko';

const DICTIONARIES: Record<'ko' | 'en', ShopSettingsDictionary> = { ko: shopSettingsKo, en: shopSettingsEn };

/** The app's language hook plus this screen's words (`s`). */
export function useShopSettingsI18n() {
  const { lang, t } = useI18n();
  return { lang, t, s: DICTIONARIES[lang] };
}
