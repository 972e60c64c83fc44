import { Anchor, Badge, Card, Group, Stack, Text } from '@mantine/core';
import type { MyOrderDetail } from '../../../../../contracts/my';
import { statusColor } from '../../../app/components/unit-badges';
import { useFormat } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { Section } from './section';

/** 배송 정보: each parcel (shipment group) with its status, courier and tracking link, and its items. */
export function ParcelsSection({ order }: { order: MyOrderDetail }) {
  const { t } = useI18n();
  const f = useFormat();
  const itemName = (itemId: number) => {
    const item = order.items.find((i) => i.itemId === itemId);
    if (!item) return `#${itemId}`;
    return item.optionName ? `${item.productName} (${item.optionName})` : item.productName;
  };
  const recipient = (addressId: number) => order.addresses.find((a) => a.id === addressId);
  return (
    <Section title={t.detail.parcels}>
      {order.parcels.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t.detail.noParcels}
        </Text>
      ) : (
        <Stack gap="sm">
          {order.parcels.map((parcel) => {
            const address = recipient(parcel.addressId);
            return (
              <Card key={parcel.shipmentGroupId} withBorder radius="md" p="sm" data-testid="parcel">
                <Stack gap={6}>
                  <Group gap="xs">
                    <Badge color={statusColor(parcel.status)} variant="light" tt="none" size="lg" radius="sm">
                      {parcel.statusLabel}
                    </Badge>
                    {parcel.awaitingAdditionalPayment && (
                      <Badge color="red" variant="outline" tt="none" size="lg" radius="sm">
                        {t.detail.awaitingPayment}
                      </Badge>
                    )}
                  </Group>
                  {parcel.trackingNumber && (
                    <Text size="sm">
                      {parcel.courierLabel ?? parcel.courier ?? t.detail.courier}{' '}
                      {parcel.trackingUrl ? (
                        <Anchor href={parcel.trackingUrl} target="_blank" rel="noopener noreferrer" aria-label={t.detail.track(parcel.courierLabel ?? parcel.courier ?? '', parcel.trackingNumber)}>
                          {parcel.trackingNumber}
                        </Anchor>
                      ) : (
                        parcel.trackingNumber
                      )}
                    </Text>
                  )}
                  {parcel.shippedAt && (
                    <Text size="xs" c="dimmed">
                      {t.detail.shippedAt} {f.dateTime(parcel.shippedAt)}
                      {parcel.deliveredAt ? ` · ${t.detail.deliveredAt} ${f.dateTime(parcel.deliveredAt)}` : ''}
                    </Text>
                  )}
                  <Stack gap={2} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                    {parcel.items.map((line) => (
                      <Text key={line.itemId} size="sm" component="li">
                        {itemName(line.itemId)} × {line.quantity}
                      </Text>
                    ))}
                  </Stack>
                  {address && (
                    <Text size="xs" c="dimmed">
                      {address.recipientName} · {address.address1}
                    </Text>
                  )}
                </Stack>
              </Card>
            );
          })}
        </Stack>
      )}
    </Section>
  );
}
