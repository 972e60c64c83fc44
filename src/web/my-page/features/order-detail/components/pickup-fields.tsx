import { Radio, SimpleGrid, Stack, TextInput } from '@mantine/core';
import type { z } from 'zod';
import { phone as phoneSchema, postcode as postcodeSchema } from '../../../../../contracts/common';
import type { MyOrderDetail, myPickupSchema } from '../../../../../contracts/my';
import { useI18n } from '../../../app/i18n';

export interface NewAddress {
  name: string;
  phone: string;
  postcode: string;
  address1: string;
  address2: string;
}
export type Pickup = { mode: 'address'; addressId: number } | ({ mode: 'new' } & NewAddress);

type FieldErrors = Partial<Record<keyof NewAddress, string>>;

/** The problems of a new pickup address, field by field (none for one of the order's addresses). */
export function pickupErrors(pickup: Pickup, words: { required: string; invalidPhone: string; invalidPostcode: string }): FieldErrors {
  if (pickup.mode !== 'new') return {};
  const errors: FieldErrors = {};
  if (!pickup.name.trim()) errors.name = words.required;
  if (!phoneSchema.safeParse(pickup.phone).success) errors.phone = pickup.phone.trim() ? words.invalidPhone : words.required;
  if (!postcodeSchema.safeParse(pickup.postcode).success) errors.postcode = pickup.postcode.trim() ? words.invalidPostcode : words.required;
  if (!pickup.address1.trim()) errors.address1 = words.required;
  return errors;
}

export function pickupBody(pickup: Pickup): z.input<typeof myPickupSchema> {
  if (pickup.mode === 'address') return { addressId: pickup.addressId };
  return { name: pickup.name.trim(), phone: pickup.phone.trim(), postcode: pickup.postcode.trim(), address1: pickup.address1.trim(), address2: pickup.address2.trim() };
}

const EMPTY: NewAddress = { name: '', phone: '', postcode: '', address1: '', address2: '' };

/** 수거지: one of the order's addresses, or a new one typed in. */
export function PickupFields({ addresses, pickup, onChange, showErrors }: { addresses: MyOrderDetail['addresses']; pickup: Pickup; onChange(next: Pickup): void; showErrors: boolean }) {
  const { t } = useI18n();
  const value = pickup.mode === 'address' ? `address:${pickup.addressId}` : 'new';
  const errors = showErrors ? pickupErrors(pickup, t.actions) : {};
  const typed: NewAddress = pickup.mode === 'new' ? pickup : EMPTY;
  const edit = (field: keyof NewAddress, text: string) => onChange({ mode: 'new', ...typed, [field]: text });
  return (
    <Stack gap="xs">
      <Radio.Group
        label={t.actions.pickup}
        required
        value={value}
        onChange={(next) => {
          if (next === 'new') onChange({ mode: 'new', ...typed });
          else onChange({ mode: 'address', addressId: Number(next.slice('address:'.length)) });
        }}
      >
        <Stack gap="xs" mt={6}>
          {addresses.map((address) => (
            <Radio key={address.id} value={`address:${address.id}`} label={`${address.recipientName} · ${address.address1} ${address.address2}`.trim()} />
          ))}
          <Radio value="new" label={t.actions.newAddress} />
        </Stack>
      </Radio.Group>
      {pickup.mode === 'new' && (
        <Stack gap="xs" role="group" aria-label={t.actions.newAddress}>
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
            <TextInput label={t.actions.name} required autoComplete="name" value={pickup.name} error={errors.name} onChange={(e) => edit('name', e.currentTarget.value)} />
            <TextInput label={t.actions.phone} required type="tel" autoComplete="tel" value={pickup.phone} error={errors.phone} onChange={(e) => edit('phone', e.currentTarget.value)} />
          </SimpleGrid>
          <TextInput label={t.actions.postcode} required inputMode="numeric" autoComplete="postal-code" maxLength={5} w={140} value={pickup.postcode} error={errors.postcode} onChange={(e) => edit('postcode', e.currentTarget.value)} />
          <TextInput label={t.actions.address1} required autoComplete="address-line1" value={pickup.address1} error={errors.address1} onChange={(e) => edit('address1', e.currentTarget.value)} />
          <TextInput label={t.actions.address2} autoComplete="address-line2" value={pickup.address2} onChange={(e) => edit('address2', e.currentTarget.value)} />
        </Stack>
      )}
    </Stack>
  );
}
