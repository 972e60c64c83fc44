import { Button, Group, Text } from '@mantine/core';
import { formatNumber } from '../../../app/format';
import { useI18n } from '../../../app/i18n';

export function ListPager({
  pageIndex,
  pageSize,
  shown,
  total,
  hasPrevious,
  hasNext,
  onPrevious,
  onNext,
}: {
  pageIndex: number;
  pageSize: number;
  shown: number;
  total: number;
  hasPrevious: boolean;
  hasNext: boolean;
  onPrevious(): void;
  onNext(): void;
}) {
  const { t } = useI18n();
  const from = shown === 0 ? 0 : pageIndex * pageSize + 1;
  return (
    <Group justify="space-between" component="nav" aria-label={t.list.title}>
      <Text size="sm" c="dimmed" data-testid="list-range">
        {t.list.range(formatNumber(from), formatNumber(pageIndex * pageSize + shown), formatNumber(total))}
      </Text>
      <Group gap="xs">
        <Button variant="default" size="xs" onClick={onPrevious} disabled={!hasPrevious}>
          {t.list.prevPage}
        </Button>
        <Button variant="default" size="xs" onClick={onNext} disabled={!hasNext}>
          {t.list.nextPage}
        </Button>
      </Group>
    </Group>
  );
}
