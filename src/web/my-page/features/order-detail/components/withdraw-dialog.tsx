import { Text } from '@mantine/core';
import type { MyOrderDetail } from '../../../../../contracts/my';
import { useI18n } from '../../../app/i18n';
import { useToast } from '../../../app/toast';
import { useOrderChange } from '../api/changes';
import { ChangeDialog } from './change-dialog';

/** 철회 of a claim still 접수: its units go back to where they were. */
export function WithdrawDialog({ order, claim, onClose }: { order: MyOrderDetail; claim: MyOrderDetail['claims'][number]; onClose(): void }) {
  const { t } = useI18n();
  const toast = useToast();
  const change = useOrderChange(order.orderNumber);
  const submit = () =>
    change.mutate(
      { kind: 'withdraw', claimId: claim.id, body: { expectedVersion: order.version } },
      {
        onSuccess: () => {
          toast.success(t.toast.withdraw);
          onClose();
        },
      },
    );
  return (
    <ChangeDialog title={t.actions.withdrawTitle} submitLabel={t.actions.withdrawSubmit} onSubmit={submit} onClose={onClose} pending={change.isPending} error={change.error}>
      <Text size="sm">{t.actions.withdrawText(claim.kindLabel)}</Text>
    </ChangeDialog>
  );
}
