import { SegmentedControl } from '@mantine/core';
import type { Lang } from './i18n';

/** 한국어 / English; each app wires it to its own language provider, which remembers the choice. */
export function LanguageSwitch({ label, lang, onChange }: { label: string; lang: Lang; onChange: (lang: Lang) => void }) {
  return (
    <SegmentedControl
      size="xs"
      aria-label={label}
      value={lang}
      onChange={(value) => onChange(value === 'en' ? 'en' : 'ko')}
      data={[
        { value: 'ko', label: '한국어' },
        { value: 'en', label: 'English' },
      ]}
    />
  );
}
