import { ActionIcon, Button, Group, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { MAX_BANK_ACCOUNTS, type BankAccountDto, type ShopSettings } from '../../../../../contracts/settings';
import { useToast } from '../../../app/toast';
import { useUpdateShopSettings } from '../api/settings';
import { useShopSettingsI18n } from '../i18n';
import { SectionForm } from './section-form';

/** 무통장 입금 계좌: rows of 은행 · 계좌번호 · 예금주, added and removed here and saved together. */
export function BankAccountsSection({ settings, canEdit }: { settings: ShopSettings; canEdit: boolean }) {
  const { s } = useShopSettingsI18n();
  const toast = useToast();
  const update = useUpdateShopSettings();
  const [rows, setRows] = useState<BankAccountDto[]>(settings.bankAccounts);
  const change = (index: number, key: keyof BankAccountDto, value: string) => setRows(rows.map((r, i) => (i === index ? { ...r, [key]: value } : r)));
  const add = (
    <Button variant="default" onClick={() => setRows([...rows, { bank: '', accountNumber: '', holder: '' }])} disabled={rows.length >= MAX_BANK_ACCOUNTS}>
      {s.bankAccounts.add}
    </Button>
  );
  return (
    <SectionForm
      id="shop-bank-accounts"
      title={s.bankAccounts.title}
      hint={s.bankAccounts.hint}
      canEdit={canEdit}
      pending={update.isPending}
      error={update.error}
      onSubmit={() =>
        update.mutate(
          { bankAccounts: rows },
          {
            onSuccess: (saved) => {
              setRows(saved.bankAccounts);
              toast.success(s.saved(s.bankAccounts.title));
            },
          },
        )
      }
      extra={add}
    >
      {rows.length === 0 && (
        <Text size="sm" c="dimmed">
          {s.bankAccounts.none}
        </Text>
      )}
      {rows.map((row, index) => (
        // rows have no id of their own: their place is who they are until saved
        <Group key={index} gap="xs" align="flex-end" wrap="wrap" data-testid="bank-account-row">
          <TextInput label={s.bankAccounts.bank} value={row.bank} onChange={(e) => change(index, 'bank', e.currentTarget.value)} w={140} />
          <TextInput label={s.bankAccounts.accountNumber} value={row.accountNumber} onChange={(e) => change(index, 'accountNumber', e.currentTarget.value)} inputMode="numeric" style={{ flex: 1, minWidth: 180 }} />
          <TextInput label={s.bankAccounts.holder} value={row.holder} onChange={(e) => change(index, 'holder', e.currentTarget.value)} w={160} />
          {canEdit && (
            <ActionIcon variant="subtle" color="red" size="lg" aria-label={s.bankAccounts.remove(index + 1)} onClick={() => setRows(rows.filter((_, i) => i !== index))}>
              ×
            </ActionIcon>
          )}
        </Group>
      ))}
    </SectionForm>
  );
}
