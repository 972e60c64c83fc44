import { Button, Group, NativeSelect } from '@mantine/core';
import { ORDER_SORT_FIELDS, type OrderSort, type OrderSortField } from '../../../../../contracts/order-filter';
import { COLUMN_KEYS, COLUMNS } from '../../../../../contracts/views';
import { useI18n, type Dictionary, type Lang } from '../../../app/i18n';

/** A sort field's name: its column's header, or (배송완료일, which has no column) the period's. */
export function sortFieldLabel(field: OrderSortField, t: Dictionary, lang: Lang): string {
  const column = COLUMN_KEYS.find((key) => COLUMNS[key].sortField === field);
  return column ? COLUMNS[column][lang] : field === 'deliveredAt' ? t.filters.periodFields.delivered : field;
}

/** Sorting by any field the list sorts by, hidden columns included (headers sort the shown ones). */
export function SortControl({ sort, onChange }: { sort: OrderSort; onChange(sort: OrderSort): void }) {
  const { t, lang } = useI18n();
  const asc = sort.direction === 'asc';
  return (
    <Group gap={4} wrap="nowrap">
      <NativeSelect
        aria-label={t.list.sortLabel}
        value={sort.field}
        onChange={(e) => {
          const field = ORDER_SORT_FIELDS.find((f) => f === e.currentTarget.value);
          if (field) onChange({ field, direction: sort.direction });
        }}
        data={ORDER_SORT_FIELDS.map((f) => ({ value: f, label: sortFieldLabel(f, t, lang) }))}
        w={150}
      />
      <Button variant="default" px="xs" onClick={() => onChange({ field: sort.field, direction: asc ? 'desc' : 'asc' })} aria-label={t.list.sortDirection(asc)} title={t.list.sortDirection(asc)}>
        <span aria-hidden>{asc ? '↑' : '↓'}</span>
      </Button>
    </Group>
  );
}
