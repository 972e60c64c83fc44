import { Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import type { MyOrderDetail } from '../../../../../contracts/my';
import { statusColor } from '../../../app/components/unit-badges';
import { useFormat } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { Section } from './section';

type Claim = MyOrderDetail['claims'][number];

/** 취소·반품·교환 신청: each claim with its status; 철회 while it is still 접수. */
export function ClaimsSection({ order, onWithdraw }: { order: MyOrderDetail; onWithdraw(claim: Claim): void }) {
  const { t } = useI18n();
  const f = useFormat();
  if (order.claims.length === 0) return null;
  const itemName = (itemId: number) => {
    const item = order.items.find((i) => i.itemId === itemId);
    if (!item) return `#${itemId}`;
    return item.optionName ? `${item.productName} (${item.optionName})` : item.productName;
  };
  return (
    <Section title={t.detail.claims}>
      <Stack gap="sm">
        {order.claims.map((claim) => (
          <Card key={claim.id} withBorder radius="md" p="sm" data-testid="claim" aria-label={`${claim.kindLabel} ${claim.statusLabel}`} component="article">
            <Stack gap={6}>
              <Group justify="space-between" gap="xs">
                <Group gap={6}>
                  <Text fw={600}>{claim.kindLabel}</Text>
                  <Badge color={statusColor(claim.status)} variant="light" tt="none" size="lg" radius="sm">
                    {claim.statusLabel}
                  </Badge>
                </Group>
                {claim.withdrawable && (
                  <Button size="compact-sm" variant="default" onClick={() => onWithdraw(claim)} aria-label={t.detail.withdrawLabel(claim.kindLabel)}>
                    {t.detail.withdraw}
                  </Button>
                )}
              </Group>
              <Stack gap={2} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                {claim.items.map((line) => (
                  <Text key={line.itemId} size="sm" component="li">
                    {itemName(line.itemId)} × {line.quantity}
                  </Text>
                ))}
              </Stack>
              {claim.reason && (
                <Text size="sm" c="dimmed">
                  {t.detail.claimReason}: {claim.reason}
                </Text>
              )}
              <Text size="xs" c="dimmed">
                {t.detail.claimedAt} {f.dateTime(claim.createdAt)}
              </Text>
            </Stack>
          </Card>
        ))}
      </Stack>
    </Section>
  );
}
