import { Alert, Group, Stack, Table, Text } from '@mantine/core';
import type { EditPreview } from '../../../../../contracts/edits';
import { formatWon } from '../../../app/format';
import { useDetailI18n } from '../i18n';
import { Money } from './money';

const TOTAL_ROWS = ['itemsSubtotal', 'gradeDiscount', 'manualDiscount', 'couponDiscount', 'pointsUsed', 'shippingFee', 'remoteShippingFee', 'feesAmount', 'total'] as const;
const DISCOUNTS: ReadonlySet<string> = new Set(['gradeDiscount', 'manualDiscount', 'couponDiscount', 'pointsUsed']);

/** 금액 계산 of an order edit: the lines after the edit, totals before and after, what is owed either way. */
export function EditPreviewView({ preview }: { preview: EditPreview }) {
  const { d, t } = useDetailI18n();
  const changedLines = preview.lines.filter((l) => l.change !== 'unchanged');
  return (
    <Stack gap="md">
      <Table aria-label={d.edit.lines} verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{d.items.product}</Table.Th>
            <Table.Th />
            <Table.Th ta="right">{d.items.quantity}</Table.Th>
            <Table.Th ta="right">{d.items.unitPrice}</Table.Th>
            <Table.Th ta="right">{d.edit.after}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {changedLines.map((line) => (
            <Table.Tr key={`${line.itemId ?? 'new'}-${line.addedIndex ?? ''}`}>
              <Table.Td>
                <Text size="sm">{line.optionName ? `${line.productName} / ${line.optionName}` : line.productName}</Text>
                {line.manualDiscountPerUnit > 0 && (
                  <Text size="xs" c="orange.8">
                    {d.items.manualDiscountPerUnit(formatWon(t, line.manualDiscountPerUnit))}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="xs">{d.edit.lineChange[line.change] ?? line.change}</Text>
              </Table.Td>
              <Table.Td ta="right">
                <Text size="sm">{line.change === 'added' ? line.quantityAfter : `${line.quantityBefore} → ${line.quantityAfter}`}</Text>
              </Table.Td>
              <Table.Td>
                <Money amount={line.unitPrice} />
              </Table.Td>
              <Table.Td>
                <Money amount={line.amount} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>

      <Table aria-label={d.edit.calculate} verticalSpacing={2} withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th />
            <Table.Th ta="right">{d.edit.before}</Table.Th>
            <Table.Th ta="right">{d.edit.after}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {TOTAL_ROWS.map((key) => {
            // discounts read negative; never as "-0원" (0 × −1 is −0, which Intl prints with its sign)
            const signed = (amount: number) => (DISCOUNTS.has(key) && amount !== 0 ? -amount : amount);
            const before = signed(preview.totalsBefore[key]);
            const after = signed(preview.totalsAfter[key]);
            if (before === 0 && after === 0 && key !== 'total') return null;
            return (
              <Table.Tr key={key} fw={key === 'total' ? 700 : undefined}>
                <Table.Td>
                  <Text size="sm">{d.edit.totals[key] ?? key}</Text>
                </Table.Td>
                <Table.Td>
                  <Money amount={before} />
                </Table.Td>
                <Table.Td>
                  <Money amount={after} />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {preview.couponApplied && <Text size="sm">{d.edit.couponApplied(preview.couponApplied.name, formatWon(t, preview.couponApplied.discount))}</Text>}
      {preview.pointsSpent > 0 && <Text size="sm">{d.edit.pointsSpent(formatWon(t, preview.pointsSpent))}</Text>}
      <Group justify="space-between">
        <Text>{d.edit.difference}</Text>
        <Money amount={preview.difference} signed size="md" />
      </Group>
      {preview.additionalPayment > 0 && (
        <Group justify="space-between" aria-live="polite">
          <Text fw={700}>{d.edit.additionalPayment}</Text>
          <Text fw={700} size="lg" data-testid="edit-additional-payment">
            {formatWon(t, preview.additionalPayment)}
          </Text>
        </Group>
      )}
      {preview.refundProposal > 0 && (
        <Alert color="blue" title={`${d.edit.refundProposal}: ${formatWon(t, preview.refundProposal)}`}>
          {d.edit.refundProposalHint}
        </Alert>
      )}
    </Stack>
  );
}
