import { Button, Group, NativeSelect, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { ACCESS_PURPOSE_LABELS, ACCESS_PURPOSES, PERSONAL_FIELD_LABELS, type AccessLogFilter, type AccessPurpose } from '../../../../../contracts/audit';
import { formatSeoulDateTime } from '../../../app/format';
import { Link } from '../../../app/router';
import { accessLogExportUrl, useAccessLog } from '../api/logs';
import { useAuditI18n } from '../i18n';
import { LogFilters } from './log-filters';
import { LogResults, useLogFilter } from './log-results';

/** 개인정보 접근 기록: every read of unmasked personal data, newest first, and its Excel file; the owner's. */
export function AccessLogPage() {
  const { a, lang } = useAuditI18n();
  const { draft, filter, edit, apply } = useLogFilter<AccessLogFilter>();
  const query = useAccessLog(filter);
  const entries = query.data?.pages.flatMap((p) => p.items) ?? [];
  const actors = [...new Map(entries.map((e) => [`${e.actorKind}:${e.actorId}`, e.actorKind === 'api' ? `${e.actorName} (${a.access.api})` : e.actorName])).entries()];
  const actorValue = draft.actorId === undefined ? '' : `${draft.actorKind ?? 'staff'}:${draft.actorId}`;
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={1} size="h3">
          {a.access.title}
        </Title>
        <Button component="a" href={accessLogExportUrl(filter)} download variant="default">
          {a.access.download}
        </Button>
      </Group>
      <Text size="sm" c="dimmed">
        {a.access.hint}
      </Text>
      <LogFilters from={draft.from ?? ''} to={draft.to ?? ''} onChange={edit} onApply={() => apply()}>
        <NativeSelect
          label={a.access.purpose}
          value={draft.purpose ?? ''}
          onChange={(e) => apply({ ...draft, purpose: (e.currentTarget.value || undefined) as AccessPurpose | undefined })}
          data={[{ value: '', label: a.all }, ...ACCESS_PURPOSES.map((p) => ({ value: p, label: ACCESS_PURPOSE_LABELS[p][lang] }))]}
        />
        <NativeSelect
          label={a.access.actor}
          value={actorValue}
          onChange={(e) => {
            const [kind, id] = e.currentTarget.value.split(':');
            apply({ ...draft, actorKind: id ? (kind as 'staff' | 'api') : undefined, actorId: id ? Number(id) : undefined });
          }}
          data={[{ value: '', label: a.all }, ...actors.map(([value, label]) => ({ value, label }))]}
        />
        <TextInput label={a.access.orderNumber} value={draft.orderNumber ?? ''} onChange={(e) => edit({ orderNumber: e.currentTarget.value || undefined })} w={180} />
      </LogFilters>
      <LogResults query={query} label={a.access.title} columns={Object.values(a.access.columns)} count={entries.length}>
        {entries.map((e) => (
          <Table.Tr key={e.id}>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatSeoulDateTime(e.createdAt)}</Table.Td>
            <Table.Td>{e.actorKind === 'api' ? `${e.actorName} (${a.access.api})` : e.actorName}</Table.Td>
            <Table.Td>{ACCESS_PURPOSE_LABELS[e.purpose][lang]}</Table.Td>
            <Table.Td>
              <Group gap={6}>
                {e.orderNumbers.map((number, i) => (
                  <Link key={number} to={`/orders/${e.orderIds[i] ?? ''}`}>
                    {number}
                  </Link>
                ))}
                {e.orderCount > e.orderNumbers.length && <Text size="sm">{a.access.more(e.orderCount - e.orderNumbers.length)}</Text>}
              </Group>
            </Table.Td>
            <Table.Td>{e.fields.map((f) => PERSONAL_FIELD_LABELS[f]?.[lang] ?? f).join(', ')}</Table.Td>
            <Table.Td>{e.reason ?? ''}</Table.Td>
            <Table.Td>{e.clientAddress ?? ''}</Table.Td>
          </Table.Tr>
        ))}
      </LogResults>
    </Stack>
  );
}
