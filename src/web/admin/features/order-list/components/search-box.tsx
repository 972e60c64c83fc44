import { CloseButton, TextInput } from '@mantine/core';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useI18n } from '../../../app/i18n';

/**
 * The keyword box: searches as you pause typing (or at once with Enter). The placeholder names
 * what it searches; the box follows the address when the tab or a saved filter changes it.
 */
export function SearchBox({ value, onSearch }: { value: string; onSearch(keyword: string): void }) {
  const { t } = useI18n();
  const [text, setText] = useState(value);
  const timer = useRef<number | undefined>(undefined);
  const lastSent = useRef(value);

  useEffect(() => {
    if (value !== lastSent.current) {
      lastSent.current = value;
      setText(value);
    }
  }, [value]);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  const send = (keyword: string) => {
    window.clearTimeout(timer.current);
    if (keyword.trim() === lastSent.current.trim()) return;
    lastSent.current = keyword.trim();
    onSearch(keyword.trim());
  };
  const change = (next: string) => {
    setText(next);
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => send(next), 400);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    send(text);
  };

  return (
    <form role="search" onSubmit={submit} style={{ flex: '1 1 320px', maxWidth: 480 }}>
      <TextInput
        type="search"
        aria-label={t.list.searchLabel}
        placeholder={t.list.searchPlaceholder}
        value={text}
        onChange={(e) => change(e.currentTarget.value)}
        leftSection={<span aria-hidden>⌕</span>}
        rightSection={text ? <CloseButton size="sm" aria-label={t.common.reset} onClick={() => { setText(''); send(''); }} /> : null}
      />
    </form>
  );
}
