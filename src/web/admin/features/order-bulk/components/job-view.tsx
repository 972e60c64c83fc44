import { Alert, Anchor, Badge, Button, Group, Loader, Progress, SimpleGrid, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { BulkJob } from '../../../../../contracts/bulk-jobs';
import { errorMessage } from '../../../app/api/client';
import { formatNumber, formatSeoulDateTime } from '../../../app/format';
import { Link } from '../../../app/router';
import { useToast } from '../../../app/toast';
import { useBulkJob, useBulkJobItems, useStopBulkJob, type JobOutcome } from '../api/bulk-jobs';
import { useBulkI18n } from '../i18n';
import { JobRefunds } from './job-refunds';
import { isFinished, type BulkJobStatus } from '../model/actions';
import { Stat } from './preview-panel';

const STATUS_COLOR: Record<BulkJobStatus, string> = { queued: 'gray', running: 'blue', done: 'teal', failed: 'red', cancelled: 'orange' };

export function JobStatusBadge({ status }: { status: BulkJobStatus }) {
  const { b } = useBulkI18n();
  return (
    <Badge color={STATUS_COLOR[status]} variant="light" tt="none" data-testid="bulk-job-status">
      {b.job.status[status]}
    </Badge>
  );
}

/**
 * A bulk job: its progress while it runs (polled every second), with 중지; then its result — 처리 M건,
 * 제외 K건, 실패 F건, a cancel's refunds (완료 · 실패 · 수동 처리 필요, in 원), the reasons grouped, and
 * the orders of each outcome linking to their detail.
 */
export function JobView({ jobId, onNavigate }: { jobId: number; onNavigate(): void }) {
  const { b, t } = useBulkI18n();
  const toast = useToast();
  const job = useBulkJob(jobId);
  const stop = useStopBulkJob();
  if (job.isPending) return <Loader size="sm" aria-label={t.common.loading} />;
  if (job.isError && !job.data) {
    return (
      <Alert color="red" role="alert" title={errorMessage(job.error)}>
        <Button variant="light" mt="sm" onClick={() => void job.refetch()}>
          {t.common.retry}
        </Button>
      </Alert>
    );
  }
  const data = job.data;
  const finished = isFinished(data.status);
  const percent = data.total === 0 ? 100 : Math.round((data.done / data.total) * 100);
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text fw={600}>{data.actionLabel}</Text>
        <Group gap="xs">
          <Text size="xs" c="dimmed">
            {`${b.job.startedAt} ${formatSeoulDateTime(data.createdAt)}`}
          </Text>
          <JobStatusBadge status={data.status} />
        </Group>
      </Group>
      <Progress.Root size="xl">
        <Progress.Section
          value={percent}
          color={data.status === 'failed' ? 'red' : data.status === 'cancelled' ? 'orange' : finished ? 'teal' : 'indigo'}
          animated={!finished}
          aria-label={b.job.progressLabel}
          aria-valuetext={b.job.progress(formatNumber(data.done), formatNumber(data.total))}
        />
      </Progress.Root>
      <Text size="sm" data-testid="bulk-job-progress" aria-live="polite">
        {b.job.progress(formatNumber(data.done), formatNumber(data.total))}
        {data.status === 'queued' ? ` · ${b.job.queued}` : ''}
      </Text>
      <SimpleGrid cols={finished ? 3 : 4} spacing="xs">
        <Stat label={b.job.processed} value={data.processed} color="teal.8" testId="bulk-job-processed" />
        <Stat label={b.job.skipped} value={data.skipped} color={data.skipped > 0 ? 'orange.8' : undefined} testId="bulk-job-skipped" />
        <Stat label={b.job.failed} value={data.failed} color={data.failed > 0 ? 'red.8' : undefined} testId="bulk-job-failed" />
        {!finished && <Stat label={b.job.pending} value={data.total - data.done} />}
      </SimpleGrid>
      {!finished ? (
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Text size="xs" c="dimmed">
            {b.dialog.closeHint}
          </Text>
          <Button
            color="red"
            variant="light"
            title={b.job.stopConfirm}
            loading={stop.isPending}
            onClick={() => stop.mutate(data.id, { onError: (e) => toast.error(errorMessage(e)) })}
          >
            {b.job.stop}
          </Button>
        </Group>
      ) : (
        <JobResult job={data} onNavigate={onNavigate} />
      )}
    </Stack>
  );
}

function JobResult({ job, onNavigate }: { job: BulkJob; onNavigate(): void }) {
  const { b, t } = useBulkI18n();
  const first: JobOutcome = job.failed > 0 ? 'failed' : job.skipped > 0 ? 'skipped' : 'processed';
  const [tab, setTab] = useState<JobOutcome>(first);
  const counts: Record<JobOutcome, number> = { processed: job.processed, skipped: job.skipped, failed: job.failed };
  return (
    <Stack gap="sm">
      <Title order={3} size="h4" data-testid="bulk-result-summary">
        {b.job.summary(formatNumber(job.processed), formatNumber(job.skipped), formatNumber(job.failed))}
      </Title>
      {job.status === 'cancelled' && job.total > job.done && (
        <Alert color="orange" role="status">
          {b.job.stoppedNote(formatNumber(job.total - job.done))}
        </Alert>
      )}
      {job.status === 'failed' && (
        <Alert color="red" role="alert">
          {b.job.failedNote}
        </Alert>
      )}
      {job.refunds && <JobRefunds refunds={job.refunds} />}
      {job.reasons.length > 0 && (
        <Table aria-label={b.job.reasons} verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{b.job.reason}</Table.Th>
              <Table.Th w={90} />
              <Table.Th w={90} ta="right" />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {job.reasons.map((r) => (
              <Table.Tr key={`${r.outcome}:${r.reason}`}>
                <Table.Td>{r.label}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={r.outcome === 'failed' ? 'red' : 'orange'} tt="none" size="sm">
                    {r.outcome === 'failed' ? b.job.failed : b.job.skipped}
                  </Badge>
                </Table.Td>
                <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {t.common.count(formatNumber(r.count))}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Tabs value={tab} onChange={(v) => v && setTab(v as JobOutcome)} keepMounted={false}>
        <Tabs.List aria-label={b.job.ordersLabel}>
          {(['skipped', 'failed', 'processed'] as const).map((outcome) => (
            <Tabs.Tab key={outcome} value={outcome}>
              {b.job.tabs[outcome](formatNumber(counts[outcome]))}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {(['skipped', 'failed', 'processed'] as const).map((outcome) => (
          <Tabs.Panel key={outcome} value={outcome} pt="xs">
            {counts[outcome] === 0 ? (
              <Text size="sm" c="dimmed">
                {b.job.noOrders}
              </Text>
            ) : (
              <JobOrders jobId={job.id} outcome={outcome} counts={counts[outcome]} onNavigate={onNavigate} />
            )}
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}

function JobOrders({ jobId, outcome, counts, onNavigate }: { jobId: number; outcome: JobOutcome; counts: number; onNavigate(): void }) {
  const { b, t } = useBulkI18n();
  const items = useBulkJobItems(jobId, outcome, true);
  if (items.isPending) return <Loader size="sm" aria-label={t.common.loading} />;
  if (items.isError) {
    return (
      <Alert color="red" role="alert" title={errorMessage(items.error)}>
        <Button variant="light" mt="sm" onClick={() => void items.refetch()}>
          {t.common.retry}
        </Button>
      </Alert>
    );
  }
  const rows = items.data.pages.flatMap((p) => p.items);
  return (
    <Stack gap="xs">
      <Table aria-label={b.job.tabs[outcome](formatNumber(counts))} verticalSpacing={4} data-testid={`bulk-job-orders-${outcome}`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={200}>{b.job.orderNumber}</Table.Th>
            {outcome !== 'processed' && <Table.Th>{b.job.reason}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.orderId}>
              <Table.Td>
                <Anchor component={Link} to={`/orders/${row.orderId}`} size="sm" onClick={onNavigate}>
                  {row.orderNumber}
                </Anchor>
              </Table.Td>
              {outcome !== 'processed' && <Table.Td>{row.label ?? row.reason ?? ''}</Table.Td>}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {items.hasNextPage && (
        <Button variant="default" size="xs" onClick={() => void items.fetchNextPage()} loading={items.isFetchingNextPage}>
          {b.job.loadMore}
        </Button>
      )}
    </Stack>
  );
}
