import { Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { formatSeoulDateTime } from '../format';

/** A labelled fact of a message's detail (webhook or buyer message). */
export function DetailField({ label, value }: { label: string; value: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div">
        {value}
      </Text>
    </div>
  );
}

export interface DeliveryAttempt {
  attemptedAt: string;
  statusCode: number | null;
  error: string | null;
  responseExcerpt: string | null;
  /** Set when a staff member asked for this attempt (다시 보내기). */
  requestedBy: unknown;
  durationMs?: number;
}

export interface DeliveryAttemptLabels {
  title: string;
  time: string;
  statusCode: string;
  error: string;
  response: string;
  byStaff: string;
  /** With a duration column: its header and how a duration reads. */
  duration?: { header: string; format: (ms: number) => string };
}

/**
 * The delivery log of one outbox message, newest first: when, the receiver's status code, the
 * error and the first of the answer; an attempt a staff member asked for says so.
 */
export function DeliveryAttemptTable({ attempts, labels }: { attempts: readonly DeliveryAttempt[]; labels: DeliveryAttemptLabels }) {
  const newestFirst = attempts.map((a, index) => ({ a, index })).sort((x, y) => y.a.attemptedAt.localeCompare(x.a.attemptedAt) || y.index - x.index);
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table withTableBorder aria-label={labels.title} fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{labels.time}</Table.Th>
            <Table.Th ta="right">{labels.statusCode}</Table.Th>
            {labels.duration && <Table.Th ta="right">{labels.duration.header}</Table.Th>}
            <Table.Th>{labels.error}</Table.Th>
            <Table.Th>{labels.response}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {newestFirst.map(({ a, index }) => (
            <Table.Tr key={index}>
              <Table.Td>
                {formatSeoulDateTime(a.attemptedAt)}
                {a.requestedBy !== null && a.requestedBy !== undefined && (
                  <Text size="xs" c="dimmed">
                    {labels.byStaff}
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="right">{a.statusCode ?? '—'}</Table.Td>
              {labels.duration && <Table.Td ta="right">{a.durationMs === undefined ? '' : labels.duration.format(a.durationMs)}</Table.Td>}
              <Table.Td>{a.error ?? ''}</Table.Td>
              <Table.Td maw={280}>
                <Text size="xs" ff="monospace" style={{ wordBreak: 'break-all' }} lineClamp={4}>
                  {a.responseExcerpt ?? ''}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
