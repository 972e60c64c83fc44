import { SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { OrderDetail } from '../../../../../contracts/orders';
import { formatWon } from '../../../app/format';
import { orderActions, type AddressInput } from '../api/actions';
import { useOrderMutation } from '../api/mutation';
import { useDetailI18n } from '../i18n';
import { DetailModal, MutationError, StepButtons } from './dialog-parts';

const blank: AddressInput = { recipientName: '', recipientPhone: '', postcode: '', address1: '', address2: '', deliveryNote: '' };

const complete = (a: AddressInput) =>
  a.recipientName.trim() !== '' && /^0\d{1,2}-?\d{3,4}-?\d{4}$/.test(a.recipientPhone.trim()) && /^\d{5}$/.test(a.postcode.trim()) && a.address1.trim() !== '';

/**
 * 배송지 추가 (up to 5 per order) or 수정. The money never changes with an address; a remote-area
 * surcharge difference is reported for staff to settle with an order edit.
 */
export function AddressDialog({ order, addressId, onClose, onAdded }: { order: OrderDetail; addressId?: number; onClose(): void; onAdded?(addressId: number): void }) {
  const { d, t } = useDetailI18n();
  const [version] = useState(order.version);
  const existing = addressId === undefined ? undefined : order.addresses.find((a) => a.id === addressId);
  const [value, setValue] = useState<AddressInput>(() =>
    existing
      ? { recipientName: existing.recipientName, recipientPhone: existing.recipientPhone, postcode: existing.postcode, address1: existing.address1, address2: existing.address2, deliveryNote: existing.deliveryNote ?? '' }
      : blank,
  );
  const set = (field: keyof AddressInput) => (e: { currentTarget: { value: string } }) => setValue({ ...value, [field]: e.currentTarget.value });
  const body = () => ({
    expectedVersion: version,
    recipientName: value.recipientName.trim(),
    recipientPhone: value.recipientPhone.trim(),
    postcode: value.postcode.trim(),
    address1: value.address1.trim(),
    address2: (value.address2 ?? '').trim(),
    ...(value.deliveryNote?.trim() ? { deliveryNote: value.deliveryNote.trim() } : {}),
  });
  const save = useOrderMutation(order.id, () => (existing ? orderActions.editAddress(order.id, existing.id, body()) : orderActions.addAddress(order.id, body())), {
    success: (r) => {
      const fee = r.result.remoteFeeDifference !== 0 ? ` ${d.address.remoteFee(formatWon(t, r.result.remoteFeeDifference))}` : '';
      return (existing ? d.address.edited : d.address.added(r.result.position + 1)) + fee;
    },
  });
  const full = !existing && order.addresses.length >= 5;
  return (
    <DetailModal title={existing ? d.address.editTitle : d.address.addTitle} onClose={onClose} size="lg">
      <Stack>
        <MutationError error={save.error} orderId={order.id} onReloaded={onClose} />
        {full && (
          <Text c="red" role="alert">
            {d.address.max}
          </Text>
        )}
        <SimpleGrid cols={2}>
          <TextInput label={d.address.recipientName} value={value.recipientName} onChange={set('recipientName')} required maxLength={50} data-autofocus />
          <TextInput label={d.address.recipientPhone} value={value.recipientPhone} onChange={set('recipientPhone')} required placeholder="010-1234-5678" />
          <TextInput label={d.address.postcode} value={value.postcode} onChange={set('postcode')} required maxLength={5} inputMode="numeric" />
          <TextInput label={d.address.address1} value={value.address1} onChange={set('address1')} required maxLength={200} />
          <TextInput label={d.address.address2} value={value.address2} onChange={set('address2')} maxLength={200} />
          <TextInput label={d.address.deliveryNote} value={value.deliveryNote ?? ''} onChange={set('deliveryNote')} maxLength={200} />
        </SimpleGrid>
        {!existing && (
          <Text size="xs" c="dimmed">
            {d.address.addThenMove}
          </Text>
        )}
        <StepButtons
          onBack={onClose}
          backLabel={t.common.cancel}
          onNext={() =>
            save.mutate(undefined, {
              onSuccess: (r) => {
                onClose();
                if (!existing) onAdded?.(r.result.addressId);
              },
            })
          }
          nextLabel={existing ? d.address.submitEdit : d.address.submitAdd}
          nextDisabled={full || !complete(value)}
          pending={save.isPending}
        />
      </Stack>
    </DetailModal>
  );
}
