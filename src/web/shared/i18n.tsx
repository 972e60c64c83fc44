import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';

export type Lang = 'ko' | 'en';

export interface I18nContextValue<D> {
  lang: Lang;
  t: D;
  setLang(lang: Lang): void;
}

/**
 * The language provider both apps use. Each app passes its own storage key (so a buyer and a staff
 * member sharing a browser keep separate choices) and its own dictionaries.
 */
export function createI18n<D>({ storageKey, dictionaries }: { storageKey: string; dictionaries: Record<Lang, D> }) {
  function storedLang(): Lang {
    try {
      return localStorage.getItem(storageKey) === 'en' ? 'en' : 'ko';
    } catch {
      return 'ko';
    }
  }

  // Readable outside React: the API client sends it as Accept-Language, so the server's messages
  // and labels follow the screen.
  let currentLang: Lang = storedLang();
  const getLang = (): Lang => currentLang;

  const I18nContext = createContext<I18nContextValue<D> | null>(null);

  function I18nProvider({ children, onChange }: { children: ReactNode; onChange?: (lang: Lang) => void }) {
    const [lang, setLangState] = useState<Lang>(currentLang);
    useEffect(() => {
      document.documentElement.lang = lang;
    }, [lang]);
    const setLang = useCallback(
      (next: Lang) => {
        currentLang = next;
        try {
          localStorage.setItem(storageKey, next);
        } catch {
          // private mode: the choice lasts for this page only
        }
        setLangState(next);
        onChange?.(next);
      },
      [onChange],
    );
    const value = useMemo(() => ({ lang, t: dictionaries[lang], setLang }), [lang, setLang]);
    return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
  }

  function useI18n(): I18nContextValue<D> {
    const value = useContext(I18nContext);
    if (!value) throw new Error('useI18n outside I18nProvider');
    return value;
  }

  return { I18nProvider, useI18n, getLang };
}
