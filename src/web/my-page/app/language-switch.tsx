import { SegmentedControl } from '@mantine/core';
import { useI18n } from './i18n';

/** 한국어 / English, remembered in this browser. */
export function LanguageSwitch() {
  const { t, lang, setLang } = useI18n();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t.language}
      value={lang}
      onChange={(value) => setLang(value === 'en' ? 'en' : 'ko')}
      data={[
        { value: 'ko', label: '한국어' },
        { value: 'en', label: 'English' },
      ]}
    />
  );
}
