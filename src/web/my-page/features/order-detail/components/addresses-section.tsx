import { Stack, Text } from '@mantine/core';
import type { MyOrderDetail } from '../../../../../contracts/my';
import { useI18n } from '../../../app/i18n';
import { Section } from './section';

/** 배송지: the order's addresses, as the buyer gave them (or staff added them). */
export function AddressesSection({ order }: { order: MyOrderDetail }) {
  const { t } = useI18n();
  return (
    <Section title={t.detail.addresses}>
      <Stack gap="sm">
        {order.addresses.map((address) => (
          <Stack key={address.id} gap={2} component="address" style={{ fontStyle: 'normal' }}>
            <Text fw={600}>
              {address.recipientName} · {address.phone}
            </Text>
            <Text size="sm">
              ({address.postcode}) {address.address1} {address.address2}
            </Text>
            {address.memo && (
              <Text size="sm" c="dimmed">
                {t.detail.memo}: {address.memo}
              </Text>
            )}
          </Stack>
        ))}
      </Stack>
    </Section>
  );
}
