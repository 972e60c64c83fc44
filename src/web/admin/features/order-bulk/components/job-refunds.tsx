import { Table, Text } from '@mantine/core';
import type { BulkJobRefunds } from '../../../../../contracts/bulk-jobs';
import { formatNumber, formatWon } from '../../../app/format';
import { useBulkI18n } from '../i18n';

const ROWS = ['succeeded', 'failed', 'manual'] as const;
const COLOR = { succeeded: 'teal.8', failed: 'red.8', manual: 'orange.8' } as const;

/**
 * A cancel job's refunds: 환불 완료, 환불 실패 and 수동 처리 필요, each with its count and 원 — so
 * whoever cancelled 300 orders sees at once how much went back to buyers and what still needs
 * them (a failed or pending refund is retried or paid by hand on the order's page).
 */
export function JobRefunds({ refunds }: { refunds: BulkJobRefunds }) {
  const { b, t } = useBulkI18n();
  const total = ROWS.reduce((n, k) => n + refunds[k].count, 0);
  if (total === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="bulk-job-refunds-none">
        {b.job.refunds.none}
      </Text>
    );
  }
  return (
    <Table aria-label={b.job.refunds.title} verticalSpacing={4} data-testid="bulk-job-refunds">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{b.job.refunds.title}</Table.Th>
          <Table.Th w={90} ta="right">
            {b.job.refunds.count}
          </Table.Th>
          <Table.Th w={140} ta="right">
            {b.job.refunds.amount}
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {ROWS.map((k) => (
          <Table.Tr key={k} data-testid={`bulk-job-refunds-${k}`}>
            <Table.Td>
              <Text size="sm" c={refunds[k].count > 0 ? COLOR[k] : undefined}>
                {b.job.refunds[k]}
              </Text>
            </Table.Td>
            <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
              {t.common.count(formatNumber(refunds[k].count))}
            </Table.Td>
            <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
              {formatWon(t, refunds[k].amount)}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
      {refunds.failed.count + refunds.manual.count > 0 && (
        <Table.Caption>{b.job.refunds.followUp}</Table.Caption>
      )}
    </Table>
  );
}
