import { Button, Group, Paper, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { formatNumber } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import type { OrderSelectionApi } from '../hooks/use-order-selection';

/**
 * The bar over the table while orders are selected: how many, and the actions. The actions
 * themselves come through `actions`: order-bulk's 일괄 처리 menu (its "N건 중 M건 처리" dialog) and
 * the export of the selection (features/order-bulk, wired in order-list-page); then clearing.
 */
export function BulkActionBar({ selection, actions }: { selection: OrderSelectionApi; actions?: ReactNode }) {
  const { t } = useI18n();
  if (selection.count === 0) return null;
  return (
    <Paper withBorder shadow="xs" p="xs" role="region" aria-label={t.selection.barLabel}>
      <Group justify="space-between">
        <Text size="sm" fw={600} data-testid="selected-count">
          {t.selection.selectedCount(formatNumber(selection.count))}
        </Text>
        <Group gap="xs">
          {actions}
          <Button variant="default" size="xs" onClick={selection.clear}>
            {t.selection.clear}
          </Button>
        </Group>
      </Group>
    </Paper>
  );
}
