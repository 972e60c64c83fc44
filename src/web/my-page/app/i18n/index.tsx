import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { en } from './en';
import { ko, type Dictionary } from './ko';

export type Lang = 'ko' | 'en';
export type { Dictionary };

export const DICTIONARIES: Record<Lang, Dictionary> = { ko, en };

// apart from the admin's choice: a buyer and a staff member may share a browser
const STORAGE_KEY = 'jumun.my.lang';

function storedLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'ko';
  } catch {
    return 'ko';
  }
}

/**
 * The chosen language, readable outside React: the API client sends it as Accept-Language, so the
 * server's messages and labels (statuses, methods) follow the screen.
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
