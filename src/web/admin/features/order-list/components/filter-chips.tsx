import { Button, CloseButton, Group, Paper, Text } from '@mantine/core';
import type { OrderFilter } from '../../../../../contracts/order-filter';
import { useProductsById } from '../../../app/api/products';
import { useI18n } from '../../../app/i18n';
import { filterChips, withoutCondition } from '../model/filter-chips';

/** The filter's conditions as removable chips (the keyword stays in the search box). */
export function FilterChips({ filter, onChange }: { filter: OrderFilter; onChange(filter: OrderFilter): void }) {
  const { t, lang } = useI18n();
  const products = useProductsById(filter.productIds ?? []);
  const chips = filterChips(filter, t, lang, new Map([...products].map(([id, p]) => [id, p.name])));
  if (chips.length === 0) return null;
  return (
    <Group gap={6} role="list" aria-label={t.filters.title}>
      {chips.map((chip) => (
        <Paper key={chip.key} role="listitem" withBorder radius="xl" px={10} py={2} bg="indigo.0">
          <Group gap={4} wrap="nowrap">
            <Text size="xs" fw={500}>
              {chip.label}
            </Text>
            <CloseButton size="xs" aria-label={t.list.removeChip(chip.label)} onClick={() => onChange(withoutCondition(filter, chip.key))} />
          </Group>
        </Paper>
      ))}
      {chips.length > 1 && (
        <Button variant="subtle" size="compact-xs" onClick={() => onChange(filter.keyword ? { keyword: filter.keyword } : {})}>
          {t.list.clearFilters}
        </Button>
      )}
    </Group>
  );
}
