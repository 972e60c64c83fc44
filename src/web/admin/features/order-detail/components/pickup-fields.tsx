import { Autocomplete, Fieldset, Radio, SimpleGrid, Stack, TextInput } from '@mantine/core';
import type { OrderDetail } from '../../../../../contracts/orders';
import { useCouriers } from '../../../app/api/couriers';
import type { Pickup } from '../api/actions';
import { useDetailI18n } from '../i18n';

export const emptyPickup: Pickup = { name: '', phone: '', postcode: '', address1: '', address2: '' };

export const pickupComplete = (p: Pickup) =>
  p.name.trim() !== '' && /^0\d{1,2}-?\d{3,4}-?\d{4}$/.test(p.phone.trim()) && /^\d{5}$/.test(p.postcode.trim()) && p.address1.trim() !== '';

/** The body the API takes: trimmed, optional tracking left out when empty. */
export function pickupBody(p: Pickup): Pickup {
  const opt = (v: string | undefined) => (v && v.trim() ? v.trim() : undefined);
  const courier = opt(p.courier);
  const trackingNumber = opt(p.trackingNumber);
  const pickupDate = opt(p.pickupDate);
  return {
    name: p.name.trim(),
    phone: p.phone.trim(),
    postcode: p.postcode.trim(),
    address1: p.address1.trim(),
    address2: p.address2.trim(),
    ...(courier ? { courier } : {}),
    ...(trackingNumber ? { trackingNumber } : {}),
    ...(pickupDate ? { pickupDate } : {}),
  };
}

export function pickupFromAddress(address: OrderDetail['addresses'][number]): Pickup {
  return { name: address.recipientName, phone: address.recipientPhone, postcode: address.postcode, address1: address.address1, address2: address.address2 };
}

/**
 * 수거 정보: start from one of the order's addresses or type any other (the buyer may send the
 * goods back from somewhere the order never shipped to); every field stays editable.
 */
export function PickupFields({
  order,
  source,
  onSourceChange,
  value,
  onChange,
}: {
  order: OrderDetail;
  source: string;
  onSourceChange(source: string): void;
  value: Pickup;
  onChange(value: Pickup): void;
}) {
  const { d } = useDetailI18n();
  const { names: courierNames } = useCouriers();
  const set = (field: keyof Pickup) => (e: { currentTarget: { value: string } }) => onChange({ ...value, [field]: e.currentTarget.value });
  const addresses = [...order.addresses].sort((a, b) => a.position - b.position);
  return (
    <Fieldset legend={d.pickup.legend}>
      <Stack gap="sm">
        <Radio.Group
          label={d.pickup.from}
          value={source}
          onChange={(next) => {
            onSourceChange(next);
            const address = addresses.find((a) => String(a.id) === next);
            onChange(address ? { ...value, ...pickupFromAddress(address) } : { ...value, ...emptyPickup });
          }}
        >
          <Stack gap={6} mt={6}>
            {addresses.map((a, n) => (
              <Radio key={a.id} value={String(a.id)} label={`${d.pickup.fromOrderAddress(n + 1, a.recipientName)} · ${a.address1}`} />
            ))}
            <Radio value="other" label={d.pickup.other} />
          </Stack>
        </Radio.Group>
        <SimpleGrid cols={2}>
          <TextInput label={d.pickup.name} value={value.name} onChange={set('name')} required maxLength={50} />
          <TextInput label={d.pickup.phone} value={value.phone} onChange={set('phone')} required placeholder="010-1234-5678" />
          <TextInput label={d.pickup.postcode} value={value.postcode} onChange={set('postcode')} required maxLength={5} inputMode="numeric" />
          <TextInput label={d.pickup.address1} value={value.address1} onChange={set('address1')} required maxLength={200} />
          <TextInput label={d.pickup.address2} value={value.address2} onChange={set('address2')} maxLength={200} />
          <TextInput label={d.pickup.pickupDate} type="date" value={value.pickupDate ?? ''} onChange={set('pickupDate')} />
          <Autocomplete label={d.pickup.courier} data={courierNames} value={value.courier ?? ''} onChange={(courier) => onChange({ ...value, courier })} maxLength={50} />
          <TextInput label={d.pickup.trackingNumber} value={value.trackingNumber ?? ''} onChange={set('trackingNumber')} maxLength={50} />
        </SimpleGrid>
      </Stack>
    </Fieldset>
  );
}
