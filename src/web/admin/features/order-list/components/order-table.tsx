import { Box, Checkbox, Skeleton, Table, Text, UnstyledButton } from '@mantine/core';
import { flexRender, getCoreRowModel, useReactTable, type ColumnDef, type ColumnSizingState, type Header, type Updater } from '@tanstack/react-table';
import { useMemo, type KeyboardEvent, type MouseEvent } from 'react';
import type { OrderSort, OrderSortField } from '../../../../../contracts/order-filter';
import type { OrderListItem } from '../../../../../contracts/order-list';
import { COLUMN_KEYS, COLUMNS, type ColumnKey, type ColumnLayout } from '../../../../../contracts/views';
import { useI18n } from '../../../app/i18n';
import { navigate } from '../../../app/router';
import type { OrderSelectionApi } from '../hooks/use-order-selection';
import { clampWidth, columnLabel, orderedColumns } from '../model/columns';
import { NUMERIC_COLUMNS, OrderCell } from './order-cells';

const SELECT = 'select';
/** Text sorts A→Z first; dates, amounts and counts newest or largest first. */
const ASCENDING_FIRST: ReadonlySet<OrderSortField> = new Set(['orderNumber', 'ordererName', 'channel', 'orderStatus', 'paymentStatus']);

export interface OrderTableProps {
  orders: OrderListItem[];
  /** The columns as shown (the layout, plus any a filter shows by itself). */
  columns: ColumnLayout;
  sort: OrderSort;
  onSort(sort: OrderSort): void;
  /** A header's edge was dragged (or moved with the arrow keys): the new widths, in px. */
  onColumnWidths(widths: Partial<Record<ColumnKey, number>>): void;
  selection: OrderSelectionApi;
  /** The first page is loading: rows are placeholders. */
  loading: boolean;
  /** Another page or query is loading: the rows shown are the previous ones. */
  refreshing: boolean;
}

function nextSort(current: OrderSort, field: OrderSortField): OrderSort {
  if (current.field === field) return { field, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  return { field, direction: ASCENDING_FIRST.has(field) ? 'asc' : 'desc' };
}

/** A click on a row opens the order, unless it was on a control in the row or in a popover of it. */
function openOnRowClick(event: MouseEvent<HTMLTableRowElement>, orderId: number) {
  const target = event.target as HTMLElement;
  if (!event.currentTarget.contains(target)) return; // a portal (popover) of the row
  if (target.closest('a, button, input, label, [role="separator"]')) return;
  if (window.getSelection()?.toString()) return; // selecting text to copy, not opening
  navigate(`/orders/${orderId}`);
}

export function OrderTable({ orders, columns, sort, onSort, onColumnWidths, selection, loading, refreshing }: OrderTableProps) {
  const { t, lang } = useI18n();
  const pageIds = useMemo(() => orders.map((o) => o.id), [orders]);
  const layout = orderedColumns(columns);

  const definitions = useMemo<Array<ColumnDef<OrderListItem>>>(
    () => [
      {
        id: SELECT,
        size: 44,
        enableResizing: false,
        header: () => (
          <Checkbox
            aria-label={t.list.selectPage}
            checked={selection.allOnPageSelected(pageIds)}
            indeterminate={!selection.allOnPageSelected(pageIds) && selection.someOnPageSelected(pageIds)}
            onChange={(e) => selection.setPage(pageIds, e.currentTarget.checked)}
            disabled={pageIds.length === 0}
          />
        ),
        cell: ({ row }) => (
          <Checkbox aria-label={t.list.selectRow(row.original.orderNumber)} checked={selection.isSelected(row.original.id)} onChange={() => selection.toggle(row.original.id, pageIds)} />
        ),
      },
      ...COLUMN_KEYS.map<ColumnDef<OrderListItem>>((key) => ({
        id: key,
        minSize: 60,
        maxSize: 800,
        header: () => columnLabel(key, lang),
        cell: ({ row }) => <OrderCell column={key} order={row.original} />,
      })),
    ],
    [t, lang, selection, pageIds],
  );

  const sizing: ColumnSizingState = Object.fromEntries([[SELECT, 44], ...layout.map((c) => [c.key, c.width])]);
  const table = useReactTable({
    data: orders,
    columns: definitions,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (order) => String(order.id),
    manualSorting: true,
    enableColumnResizing: true,
    // the width is committed when the drag ends: one change to the layout per resize
    columnResizeMode: 'onEnd',
    state: {
      columnSizing: sizing,
      columnOrder: [SELECT, ...layout.map((c) => c.key)],
      columnVisibility: Object.fromEntries(layout.map((c) => [c.key, c.visible])),
    },
    onColumnSizingChange: (updater: Updater<ColumnSizingState>) => {
      const next = typeof updater === 'function' ? updater(sizing) : updater;
      const widths: Partial<Record<ColumnKey, number>> = {};
      for (const c of layout) if (next[c.key] !== undefined && next[c.key] !== c.width) widths[c.key] = next[c.key];
      if (Object.keys(widths).length > 0) onColumnWidths(widths);
    },
  });

  const resizeByKey = (key: ColumnKey, width: number) => (event: KeyboardEvent) => {
    const step = event.shiftKey ? 50 : 10;
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    onColumnWidths({ [key]: clampWidth(width + (event.key === 'ArrowRight' ? step : -step)) });
  };

  const headerCell = (header: Header<OrderListItem, unknown>) => {
    const key = header.column.id as ColumnKey | typeof SELECT;
    if (key === SELECT) {
      return (
        <Table.Th key={header.id} style={{ width: header.getSize() }}>
          {flexRender(header.column.columnDef.header, header.getContext())}
        </Table.Th>
      );
    }
    const label = columnLabel(key, lang);
    const field = COLUMNS[key].sortField;
    const active = field !== null && sort.field === field;
    const resizing = header.column.getIsResizing();
    return (
      <Table.Th
        key={header.id}
        // the header is named by its column alone, not also by its sort button and resize handle
        aria-label={label}
        style={{ width: header.getSize(), position: 'relative', textAlign: NUMERIC_COLUMNS.has(key) ? 'right' : undefined }}
        aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined}
      >
        {field ? (
          <UnstyledButton className="jm-sort-button" onClick={() => onSort(nextSort(sort, field))} title={t.list.sortBy(label)}>
            {label}
            <span aria-hidden className="jm-sort-arrow" data-active={active || undefined}>
              {active ? (sort.direction === 'asc' ? '▲' : '▼') : '↕'}
            </span>
          </UnstyledButton>
        ) : (
          label
        )}
        <div
          role="separator"
          aria-orientation="vertical"
          aria-label={t.list.resizeColumn(label)}
          aria-valuenow={header.getSize()}
          aria-valuemin={60}
          aria-valuemax={800}
          tabIndex={0}
          className="jm-resizer"
          data-resizing={resizing || undefined}
          onMouseDown={header.getResizeHandler()}
          onTouchStart={header.getResizeHandler()}
          onKeyDown={resizeByKey(key, header.getSize())}
          onClick={(e) => e.stopPropagation()}
          style={resizing ? { transform: `translateX(${table.getState().columnSizingInfo.deltaOffset ?? 0}px)` } : undefined}
        />
      </Table.Th>
    );
  };

  const visibleCount = table.getVisibleLeafColumns().length;
  return (
    <Box className="jm-table-scroll">
      <Table
        stickyHeader
        highlightOnHover
        verticalSpacing={6}
        horizontalSpacing="xs"
        aria-label={t.list.tableLabel}
        aria-busy={loading || refreshing}
        style={{ tableLayout: 'fixed', width: table.getTotalSize(), opacity: refreshing ? 0.6 : 1 }}
      >
        <Table.Thead>
          {table.getHeaderGroups().map((group) => (
            <Table.Tr key={group.id}>{group.headers.map(headerCell)}</Table.Tr>
          ))}
        </Table.Thead>
        <Table.Tbody>
          {loading
            ? Array.from({ length: 8 }, (_, i) => (
                <Table.Tr key={i}>
                  <Table.Td colSpan={visibleCount}>
                    <Skeleton height={18} />
                  </Table.Td>
                </Table.Tr>
              ))
            : table.getRowModel().rows.map((row) => (
                <Table.Tr
                  key={row.id}
                  className="jm-order-row"
                  data-selected={selection.isSelected(row.original.id) || undefined}
                  bg={selection.isSelected(row.original.id) ? 'indigo.0' : undefined}
                  onClick={(e) => openOnRowClick(e, row.original.id)}
                >
                  {row.getVisibleCells().map((cell) => (
                    <Table.Td key={cell.id} style={{ width: cell.column.getSize(), overflow: 'hidden' }}>
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
        </Table.Tbody>
      </Table>
      {loading && (
        <Text size="sm" c="dimmed" p="sm" role="status">
          {t.list.loadingOrders}
        </Text>
      )}
    </Box>
  );
}
