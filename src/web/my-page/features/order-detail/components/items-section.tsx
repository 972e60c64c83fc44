import { Group, Stack, Text } from '@mantine/core';
import type { MyOrderDetail } from '../../../../../contracts/my';
import { UnitBadges } from '../../../app/components/unit-badges';
import { useFormat } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { Section } from './section';

/** 주문 상품: each item with its price, what the buyer pays for the line, and where its units stand. */
export function ItemsSection({ order }: { order: MyOrderDetail }) {
  const { t } = useI18n();
  const f = useFormat();
  return (
    <Section title={t.detail.items}>
      <Stack gap="md" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {order.items.map((item) => (
          <Stack key={item.itemId} gap={6} component="li" data-testid="order-item" aria-label={item.optionName ? `${item.productName} (${item.optionName})` : item.productName}>
            <div>
              <Text fw={600}>{item.productName}</Text>
              {item.optionName && (
                <Text size="sm" c="dimmed">
                  {item.optionName}
                </Text>
              )}
            </div>
            <Group justify="space-between" gap="xs">
              <Text size="sm" c="dimmed">
                {f.won(item.unitPrice)} × {item.quantity}
              </Text>
              <Text fw={600}>{f.won(item.amount)}</Text>
            </Group>
            <UnitBadges units={item.units} />
          </Stack>
        ))}
      </Stack>
    </Section>
  );
}
