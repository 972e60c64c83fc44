import { LanguageSwitch as SharedLanguageSwitch } from '../../shared/language-switch';
import { useI18n } from './i18n';

/** 한국어 / English, remembered in this browser (localStorage). */
export function LanguageSwitch() {
  const { t, lang, setLang } = useI18n();
  return <SharedLanguageSwitch label={t.language} lang={lang} onChange={setLang} />;
}
