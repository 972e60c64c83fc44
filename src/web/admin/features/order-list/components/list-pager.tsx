import { Button, Group, Loader, Text } from '@mantine/core';
import { formatNumber } from '../../../app/format';
import { useI18n } from '../../../app/i18n';

export function ListPager({
  pageIndex,
  pageSize,
  shown,
  total,
  exact,
  hasPrevious,
  hasNext,
  onPrevious,
  onNext,
}: {
  pageIndex: number;
  pageSize: number;
  shown: number;
  /** Every matching order; null while it is being counted (never shown as 0건 meanwhile). */
  total: number | null;
  /** false: `total` is the server's estimate (약 N). */
  exact: boolean;
  hasPrevious: boolean;
  hasNext: boolean;
  onPrevious(): void;
  onNext(): void;
}) {
  const { t } = useI18n();
  const from = formatNumber(shown === 0 ? 0 : pageIndex * pageSize + 1);
  const to = formatNumber(pageIndex * pageSize + shown);
  return (
    <Group justify="space-between" component="nav" aria-label={t.list.title}>
      <Group gap={6} wrap="nowrap">
        <Text size="sm" c="dimmed" data-testid="list-range" aria-busy={total === null}>
          {total === null ? t.list.rangeCounting(from, to) : t.list.range(from, to, exact ? formatNumber(total) : t.list.about(formatNumber(total)))}
        </Text>
        {total === null && <Loader size={12} aria-label={t.list.counting} />}
      </Group>
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
