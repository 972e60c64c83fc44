import { Button, Group, Paper, Text } from '@mantine/core';
import type { OrderFilter } from '../../../../../contracts/order-filter';
import { formatNumber } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import type { OrderSelectionApi } from '../hooks/use-order-selection';

/**
 * After the header checkbox: "이 페이지의 주문 100건이 선택되었습니다. 검색된 주문 N건 전체 선택" —
 * and once chosen, that every matching order is selected, with a way out.
 */
export function SelectionBanner({ selection, pageIds, total, filter }: { selection: OrderSelectionApi; pageIds: number[]; total: number; filter: OrderFilter }) {
  const { t } = useI18n();
  if (selection.selection.kind === 'all') {
    return (
      <Paper withBorder bg="indigo.0" p="xs" role="status">
        <Group justify="center" gap="sm">
          <Text size="sm">{t.selection.allSelected(formatNumber(selection.selection.total))}</Text>
          <Button variant="subtle" size="compact-sm" onClick={selection.clear}>
            {t.selection.clear}
          </Button>
        </Group>
      </Paper>
    );
  }
  if (!selection.allOnPageSelected(pageIds) || total <= pageIds.length) return null;
  return (
    <Paper withBorder bg="indigo.0" p="xs" role="status">
      <Group justify="center" gap="sm">
        <Text size="sm">{t.selection.pageSelected(formatNumber(pageIds.length))}</Text>
        <Button variant="subtle" size="compact-sm" onClick={() => selection.selectAllMatching(filter, total)}>
          {t.selection.selectAllMatching(formatNumber(total))}
        </Button>
      </Group>
    </Paper>
  );
}
