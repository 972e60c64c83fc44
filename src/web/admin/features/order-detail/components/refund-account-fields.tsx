import { Fieldset, SimpleGrid, Text, TextInput } from '@mantine/core';
import type { RefundAccount } from '../api/actions';
import { useDetailI18n } from '../i18n';

export const emptyAccount: RefundAccount = { bank: '', accountNumber: '', holderName: '' };
export const accountComplete = (a: RefundAccount) => a.bank.trim() !== '' && /^[0-9-]{6,30}$/.test(a.accountNumber.trim()) && a.holderName.trim() !== '';

/** 환불 계좌 for 무통장 and virtual-account payments (the server refuses such a refund without one). */
export function RefundAccountFields({ value, onChange }: { value: RefundAccount; onChange(value: RefundAccount): void }) {
  const { d } = useDetailI18n();
  return (
    <Fieldset legend={d.refund.account} mt="sm">
      <Text size="xs" c="dimmed" mb="xs">
        {d.refund.accountHint}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput label={d.refund.bank} value={value.bank} onChange={(e) => onChange({ ...value, bank: e.currentTarget.value })} required />
        <TextInput
          label={d.refund.accountNumber}
          value={value.accountNumber}
          onChange={(e) => onChange({ ...value, accountNumber: e.currentTarget.value })}
          inputMode="numeric"
          required
        />
        <TextInput label={d.refund.holderName} value={value.holderName} onChange={(e) => onChange({ ...value, holderName: e.currentTarget.value })} required />
      </SimpleGrid>
    </Fieldset>
  );
}

/** Whether refunding this order sends money by transfer (a 무통장 or virtual-account payment was captured). */
export const needsRefundAccount = (payments: ReadonlyArray<{ method: string; capturedAmount: number }>) =>
  payments.some((p) => (p.method === 'bank_transfer' || p.method === 'virtual_account') && p.capturedAmount > 0);
