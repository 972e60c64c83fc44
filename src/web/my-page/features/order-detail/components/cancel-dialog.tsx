import { Alert } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { MyOrderDetail } from '../../../../../contracts/my';
import { useFormat } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { useToast } from '../../../app/toast';
import { useOrderChange } from '../api/changes';
import { cancelsAtOnce, needsRefundAccount, pickableItems, toClaimUnits } from '../model/units';
import { ChangeDialog } from './change-dialog';
import { changeToast } from './change-toast';
import { ReasonFields, reasonProblem, type Reason } from './reason-fields';
import { accountState, emptyAccount, RefundAccountFields, type RefundAccount } from './refund-account-fields';
import { UnitPicker } from './unit-picker';

/**
 * 주문 취소 of units not shipped yet. Says before sending whether it completes at once (the shop
 * allows it, nothing picked was prepared, and a 무통장/virtual-account order names the account to
 * pay back to) or goes to the shop as 취소접수.
 */
export function CancelDialog({ order, onClose }: { order: MyOrderDetail; onClose(): void }) {
  const { t } = useI18n();
  const f = useFormat();
  const toast = useToast();
  const change = useOrderChange(order.orderNumber);
  const items = useMemo(() => pickableItems(order, order.actions.cancellable), [order]);
  const [picked, setPicked] = useState<Record<number, number>>({});
  const [reason, setReason] = useState<Reason>({ code: '', text: '' });
  const [account, setAccount] = useState<RefundAccount>(emptyAccount);
  const [tried, setTried] = useState(false);
  const units = toClaimUnits(items, picked);
  const byAccount = needsRefundAccount(order);
  const accountGiven = accountState(account);
  const instant = cancelsAtOnce(order, units) && (!byAccount || accountGiven === 'complete');

  const submit = () => {
    setTried(true);
    if (units.length === 0 || reasonProblem(reason) || reason.code === '' || accountGiven === 'partial') return;
    const refundAccount = byAccount && accountGiven === 'complete' ? { refundAccount: account } : {};
    change.mutate(
      { kind: 'cancel', body: { expectedVersion: order.version, items: units, reasonCode: reason.code, ...(reason.text.trim() ? { reasonText: reason.text.trim() } : {}), ...refundAccount } },
      {
        onSuccess: (result) => {
          toast.success(changeToast(t, 'cancel', result, f.won));
          onClose();
        },
      },
    );
  };

  return (
    <ChangeDialog title={t.actions.cancel} submitLabel={t.actions.submitCancel} submitColor="red" onSubmit={submit} onClose={onClose} pending={change.isPending} error={change.error}>
      <UnitPicker items={items} picked={picked} onChange={setPicked} error={tried && units.length === 0 ? t.actions.nothingPicked : null} />
      <ReasonFields reason={reason} onChange={setReason} showErrors={tried} />
      {byAccount && <RefundAccountFields value={account} onChange={setAccount} showErrors={tried} />}
      {units.length > 0 && (
        <Alert color={instant ? 'teal' : 'blue'} data-testid="cancel-outcome" role="status">
          {instant ? t.actions.instantCancel : t.actions.requestedCancel}
        </Alert>
      )}
    </ChangeDialog>
  );
}
