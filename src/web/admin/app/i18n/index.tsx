import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { PAYMENT_METHODS } from '../../../../contracts/common';
import type { UNIT_STATUS_VALUES } from '../../../../contracts/fulfillment';
import type { ORDER_STATUS_VALUES, PAYMENT_STATUS_VALUES, PERIOD_FIELDS } from '../../../../contracts/order-filter';
import { en } from './en';
import { ko, type Dictionary } from './ko';

export type Lang = 'ko' | 'en';
export type { Dictionary };

export const DICTIONARIES: Record<Lang, Dictionary> = { ko, en };

// The status and method tables must name exactly the values the API uses.
type Labels<T extends readonly string[]> = Record<T[number], string>;
({
  unitStatus: ko.unitStatus,
  orderStatus: ko.orderStatus,
  paymentStatus: ko.paymentStatus,
  paymentMethod: ko.paymentMethod,
  periodFields: ko.filters.periodFields,
}) satisfies {
  unitStatus: Labels<typeof UNIT_STATUS_VALUES>;
  orderStatus: Labels<typeof ORDER_STATUS_VALUES>;
  paymentStatus: Labels<typeof PAYMENT_STATUS_VALUES>;
  paymentMethod: Labels<typeof PAYMENT_METHODS>;
  periodFields: Labels<typeof PERIOD_FIELDS>;
};

const STORAGE_KEY = 'jumun.lang';

function storedLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'ko';
  } catch {
    return 'ko';
  }
}

/**
 * The chosen language, readable outside React: the API client sends it as Accept-Language so the
 * server's messages and labels follow the screen.
 */
let currentLang: Lang = storedLang();
export const getLang = (): Lang => currentLang;

interface I18nContextValue {
  lang: Lang;
  t: Dictionary;
  setLang(lang: Lang): void;
}

const I18nContext = createContext<I18nContextValue | null>(null);

export function I18nProvider({ children, onChange }: { children: ReactNode; onChange?: (lang: Lang) => void }) {
  const [lang, setLangState] = useState<Lang>(currentLang);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const setLang = useCallback(
    (next: Lang) => {
      currentLang = next;
      try {
        localStorage.setItem(STORAGE_KEY, next);
      } catch {
        // private mode: the choice lasts for this page only
      }
      setLangState(next);
      onChange?.(next);
    },
    [onChange],
  );
  const value = useMemo(() => ({ lang, t: DICTIONARIES[lang], setLang }), [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nContextValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
