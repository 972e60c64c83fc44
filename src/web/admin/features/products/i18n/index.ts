import { useI18n } from '../../../app/i18n';
import { productsEn } from './en';
import { productsKo, type ProductsDictionary } from './ko';

export type { ProductsDictionary };

const PRODUCTS: Record<'ko' | 'en', ProductsDictionary> = { ko: productsKo, en: productsEn };

/** The app's language hook plus these screens' own words: `t` (shared), `p` (products). */
export function useProductsI18n() {
  const { lang, t } = useI18n();
  return { lang, t, p: PRODUCTS[lang] };
}
