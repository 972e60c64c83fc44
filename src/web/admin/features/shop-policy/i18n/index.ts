import { getLang, useI18n } from '../../../app/i18n';
import { shopPolicyEn } from './en';
import { shopPolicyKo, type ShopPolicyDictionary } from './ko';

export type { ShopPolicyDictionary };

const SHOP_POLICY: Record<'ko' | 'en', ShopPolicyDictionary> = { ko: shopPolicyKo, en: shopPolicyEn };

/** The app's language hook plus this screen's own words: `t` (shared), `p` (shop policy). */
export function useShopPolicyI18n() {
  const { lang, t } = useI18n();
  return { lang, t, p: SHOP_POLICY[lang] };
}

/** The menu's label, read where the shell already re-renders on a language change. */
export const shopPolicyMenuLabel = () => SHOP_POLICY[getLang()].title;
