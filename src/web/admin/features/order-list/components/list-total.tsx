import { Button, Group, Text, Tooltip } from '@mantine/core';
import { formatNumber } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import type { ListTotal as Total } from '../hooks/use-list-total';

/** 총 N건, or 약 N건 with 정확한 건수 보기 when the server answered a slow count with its estimate. */
export function ListTotal({ count }: { count: Total }) {
  const { t } = useI18n();
  const { total, exact } = count;
  return (
    <Group gap={6} ml="auto" wrap="nowrap">
      <Text size="sm" c="dimmed" data-testid="list-total" data-exact={total === null ? undefined : String(exact)} aria-live="polite" aria-busy={total === null}>
        {total === null ? (count.failed ? '' : t.list.counting) : exact ? t.list.total(formatNumber(total)) : t.list.totalAbout(formatNumber(total))}
      </Text>
      {total !== null && !exact && (
        <Tooltip label={t.list.estimateNote}>
          <Button variant="subtle" size="compact-xs" onClick={count.askExact}>
            {t.list.countExactly}
          </Button>
        </Tooltip>
      )}
    </Group>
  );
}
