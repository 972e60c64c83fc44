import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { OrderDetail } from '../../../../../contracts/orders';
import { useDetailI18n } from '../i18n';
import type { OpenDialog } from '../model/dialogs';
import { addressBlocks } from '../model/rows';

/** 배송지: up to 5 addresses, each with its units; 배송지 추가, 수정 and moving units there. */
export function AddressesPanel({ order, onOpen, readOnly }: { order: OrderDetail; onOpen: OpenDialog; readOnly: boolean }) {
  const { d } = useDetailI18n();
  const blocks = addressBlocks(order);
  const full = order.addresses.length >= 5;
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="addresses-title">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id="addresses-title">
          {d.addresses.title}{' '}
          <Text span size="sm" c="dimmed">
            {d.addresses.count(order.addresses.length)}
          </Text>
        </Title>
        {!readOnly && (
          <Button size="xs" variant="light" disabled={full} title={full ? d.address.max : undefined} onClick={() => onOpen({ kind: 'addAddress' })}>
            {d.actions.addAddress}
          </Button>
        )}
      </Group>
      <Stack gap="sm">
        {blocks.map(({ address, number, units }) => (
          <Stack key={address.id} gap={2} role="group" aria-label={d.items.address(number)}>
            <Group justify="space-between">
              <Text size="sm" fw={600}>
                {d.items.address(number)} · {address.recipientName}
              </Text>
              <Text size="xs" c="dimmed">
                {d.addresses.units(units)}
              </Text>
            </Group>
            <Text size="sm">{address.recipientPhone}</Text>
            <Text size="sm">
              ({address.postcode}) {address.address1} {address.address2}
            </Text>
            {address.deliveryNote && (
              <Text size="xs" c="dimmed">
                {d.addresses.note}: {address.deliveryNote}
              </Text>
            )}
            {!readOnly && (
              <Group gap="xs">
                <Button size="compact-xs" variant="default" aria-label={`${d.address.moveHere}: ${d.items.address(number)}`} onClick={() => onOpen({ kind: 'move', addressId: address.id })}>
                  {d.address.moveHere}
                </Button>
                <Button size="compact-xs" variant="default" aria-label={`${d.address.edit}: ${d.items.address(number)}`} onClick={() => onOpen({ kind: 'editAddress', addressId: address.id })}>
                  {d.address.edit}
                </Button>
              </Group>
            )}
          </Stack>
        ))}
      </Stack>
      {full && (
        <Text size="xs" c="dimmed" mt="xs">
          {d.address.max}
        </Text>
      )}
    </Card>
  );
}
