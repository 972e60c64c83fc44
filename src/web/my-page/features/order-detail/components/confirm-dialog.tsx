import { Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import type { MyOrderDetail } from '../../../../../contracts/my';
import { useFormat } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { useToast } from '../../../app/toast';
import { useOrderChange } from '../api/changes';
import { itemLabel, pickableItems } from '../model/units';
import { ChangeDialog } from './change-dialog';
import { changeToast } from './change-toast';

/** 구매확정 of every delivered unit not yet confirmed, after saying that returns end there. */
export function ConfirmDialog({ order, onClose }: { order: MyOrderDetail; onClose(): void }) {
  const { t } = useI18n();
  const f = useFormat();
  const toast = useToast();
  const change = useOrderChange(order.orderNumber);
  const items = useMemo(() => pickableItems(order, order.actions.confirmable), [order]);
  const submit = () =>
    change.mutate(
      { kind: 'confirm', body: { expectedVersion: order.version, items: order.actions.confirmable.filter((u) => u.quantity > 0) } },
      {
        onSuccess: (result) => {
          toast.success(changeToast(t, 'confirm', result, f.won));
          onClose();
        },
      },
    );
  return (
    <ChangeDialog title={t.actions.confirmTitle} submitLabel={t.actions.confirm} onSubmit={submit} onClose={onClose} pending={change.isPending} error={change.error}>
      <Text size="sm">{t.actions.confirmText}</Text>
      <Stack gap={4} component="ul" style={{ paddingLeft: 20, margin: 0 }}>
        {items.map((item) => (
          <Text key={item.itemId} component="li" size="sm">
            {itemLabel(item)} × {item.max}
          </Text>
        ))}
      </Stack>
    </ChangeDialog>
  );
}
