import { Button, Group, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import { useAuditI18n } from '../i18n';

/** The date range both logs take (Seoul days), the page's own filters beside it. */
export function LogFilters({ from, to, onChange, onApply, children }: { from: string; to: string; onChange(part: { from?: string; to?: string }): void; onApply(): void; children?: ReactNode }) {
  const { a } = useAuditI18n();
  return (
    <Group
      gap="xs"
      align="flex-end"
      wrap="wrap"
      component="form"
      onSubmit={(e) => {
        e.preventDefault();
        onApply();
      }}
    >
      {children}
      <TextInput type="date" label={a.from} value={from} onChange={(e) => onChange({ from: e.currentTarget.value })} w={160} />
      <TextInput type="date" label={a.to} value={to} onChange={(e) => onChange({ to: e.currentTarget.value })} w={160} />
      <Button type="submit" variant="default">
        {a.apply}
      </Button>
    </Group>
  );
}
