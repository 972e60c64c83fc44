import { List, Text } from '@mantine/core';
import { useDetailI18n } from '../i18n';
import { itemName } from '../model/rows';
import type { ChosenUnits } from '../model/selection';

/** The units a dialog is about, one line each: "상품 / 옵션 × 2개 (결제완료)". */
export function UnitsSummary({ units }: { units: readonly ChosenUnits[] }) {
  const { d } = useDetailI18n();
  return (
    <div>
      <Text size="sm" fw={600}>
        {d.dialog.summaryUnits}
      </Text>
      <List size="sm" spacing={2}>
        {units.map(({ row, quantity }) => (
          <List.Item key={row.key}>
            {d.dialog.unitLine(itemName(row.item), quantity)} ({row.statusLabel})
          </List.Item>
        ))}
      </List>
    </div>
  );
}
