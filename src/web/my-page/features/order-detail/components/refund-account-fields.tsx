import { Fieldset, SimpleGrid, Text, TextInput } from '@mantine/core';
import type { z } from 'zod';
import { refundAccountSchema } from '../../../../../contracts/claims';
import { useI18n } from '../../../app/i18n';

export type RefundAccount = z.input<typeof refundAccountSchema>;
export const emptyAccount: RefundAccount = { bank: '', accountNumber: '', holderName: '' };

/** 'empty' (nothing typed: the cancel waits for staff), 'complete', or 'partial' (a mistake to point out). */
export function accountState(account: RefundAccount): 'empty' | 'complete' | 'partial' {
  if (!account.bank.trim() && !account.accountNumber.trim() && !account.holderName.trim()) return 'empty';
  return refundAccountSchema.safeParse(account).success ? 'complete' : 'partial';
}

/** 환불받을 계좌 for a 무통장 or virtual-account order: with it, a cancel can complete at once. */
export function RefundAccountFields({ value, onChange, showErrors }: { value: RefundAccount; onChange(next: RefundAccount): void; showErrors: boolean }) {
  const { t } = useI18n();
  const partial = showErrors && accountState(value) === 'partial';
  const error = (field: keyof RefundAccount) => {
    if (!partial) return undefined;
    if (field === 'accountNumber' && !/^[0-9-]{6,30}$/.test(value.accountNumber.trim())) return t.actions.invalidAccount;
    return value[field].trim() ? undefined : t.actions.required;
  };
  return (
    <Fieldset legend={t.actions.refundAccount} variant="filled" p="sm">
      <Text size="xs" c="dimmed" mb="xs">
        {t.actions.refundAccountHint}
      </Text>
      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="xs">
        <TextInput label={t.actions.bank} value={value.bank} error={error('bank')} onChange={(e) => onChange({ ...value, bank: e.currentTarget.value })} />
        <TextInput label={t.actions.accountNumber} inputMode="numeric" value={value.accountNumber} error={error('accountNumber')} onChange={(e) => onChange({ ...value, accountNumber: e.currentTarget.value })} />
        <TextInput label={t.actions.holderName} value={value.holderName} error={error('holderName')} onChange={(e) => onChange({ ...value, holderName: e.currentTarget.value })} />
      </SimpleGrid>
    </Fieldset>
  );
}
