import { NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { AUDIT_GROUP_LABELS, AUDIT_GROUPS, type AuditGroup } from '../../../../../contracts/audit';
import { formatSeoulDateTime } from '../../../app/format';
import { useAuditEvents, type AuditFilter } from '../api/logs';
import { useAuditI18n } from '../i18n';
import { detailText } from './detail-text';
import { LogFilters } from './log-filters';
import { LogResults, useLogFilter } from './log-results';

/** 감사 기록: who did what to the shop, newest first; the owner's. */
export function AuditLogPage() {
  const { a, lang } = useAuditI18n();
  const { draft, filter, edit, apply } = useLogFilter<AuditFilter>();
  const query = useAuditEvents(filter);
  const events = query.data?.pages.flatMap((p) => p.items) ?? [];
  // the staff who appear in what is loaded: the log names them, and a filter by one narrows it
  const staff = [...new Map(events.filter((e) => e.staffId !== null).map((e) => [e.staffId, e.staffName ?? `#${e.staffId}`])).entries()];
  return (
    <Stack gap="sm">
      <Title order={1} size="h3">
        {a.audit.title}
      </Title>
      <Text size="sm" c="dimmed">
        {a.audit.hint}
      </Text>
      <LogFilters from={draft.from ?? ''} to={draft.to ?? ''} onChange={edit} onApply={() => apply()}>
        <NativeSelect
          label={a.audit.group}
          value={draft.group ?? ''}
          onChange={(e) => apply({ ...draft, group: (e.currentTarget.value || undefined) as AuditGroup | undefined })}
          data={[{ value: '', label: a.all }, ...AUDIT_GROUPS.map((g) => ({ value: g, label: AUDIT_GROUP_LABELS[g][lang] }))]}
        />
        <NativeSelect
          label={a.audit.staff}
          value={draft.staffId === undefined ? '' : String(draft.staffId)}
          onChange={(e) => apply({ ...draft, staffId: e.currentTarget.value ? Number(e.currentTarget.value) : undefined })}
          data={[{ value: '', label: a.all }, ...staff.map(([id, name]) => ({ value: String(id), label: name }))]}
        />
      </LogFilters>
      <LogResults query={query} label={a.audit.title} columns={Object.values(a.audit.columns)} count={events.length}>
        {events.map((e) => (
          <Table.Tr key={e.id}>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatSeoulDateTime(e.createdAt)}</Table.Td>
            <Table.Td>{e.staffName ?? (typeof e.detail.apiKey === 'string' ? e.detail.apiKey : a.audit.system)}</Table.Td>
            <Table.Td>{e.kindLabel}</Table.Td>
            <Table.Td>{e.subject ?? ''}</Table.Td>
            <Table.Td>{e.clientAddress ?? ''}</Table.Td>
            <Table.Td>
              <Text size="xs" style={{ wordBreak: 'break-all' }}>
                {detailText(e.detail)}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </LogResults>
    </Stack>
  );
}
