import { Alert, Badge, Button, Group, Loader, Stack, Title } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { columnsShownFor, type View } from '../../../../../contracts/views';
import { errorMessage } from '../../../app/api/client';
import { useI18n } from '../../../app/i18n';
import { rememberListHref, useLocation } from '../../../app/router';
import { useToast } from '../../../app/toast';
import { usePhone } from '../../../app/use-phone';
import { useOrderSearch } from '../api/search-orders';
import { useCreateView, useDeleteView, useReorderViews, useResetLayout, useSaveLayout, useUpdateView } from '../api/view-changes';
import { useViewDiff } from '../api/view-diff';
import { useViewCounts, useViews } from '../api/views';
import { useListState } from '../hooks/use-list-state';
import { useListTotal } from '../hooks/use-list-total';
import { useOrderSelection } from '../hooks/use-order-selection';
import { usePaging } from '../hooks/use-paging';
import { setColumnWidths } from '../model/columns';
import { countConditions } from '../model/filter-chips';
import { BulkActionBar } from './bulk-action-bar';
import { FilterChips } from './filter-chips';
import { BulkDialogs, ColumnSettingsModal, DeleteViewModal, FilterDrawer, NameModal, OnceOpened, preloadListParts } from './lazy-parts';
import { ListPager } from './list-pager';
import { ListTotal } from './list-total';
import { ModifiedBar } from './modified-bar';
import { OrderCards } from './order-cards';
import { EmptyOrders } from './empty-orders';
import { OrderTable } from './order-table';
import { SavedFiltersMenu } from './saved-filters-menu';
import { SearchBox } from './search-box';
import { SelectionBanner } from './selection-banner';
import { SortControl } from './sort-control';
import { ViewTabs } from './view-tabs';
// order-bulk: 일괄 처리, 엑셀 다운로드, 송장 일괄 등록 (features/order-bulk)
import { BulkSelectionActions, BulkToolbar } from '../../order-bulk/components/bulk-tools';
import { useOrderBulk } from '../../order-bulk/components/use-order-bulk';
import { whenIdle } from '../../../../shared/lazy';

export const PAGE_SIZE = 100;

/** 주문 목록: tabs, search and filters, the table (cards on a phone), selection. */
export function OrderListPage() {
  const { t } = useI18n();
  const views = useViews();
  if (views.isPending) return <Loader aria-label={t.common.loading} />;
  if (views.isError || views.data.length === 0) {
    return (
      <Alert color="red" role="alert" title={errorMessage(views.error)}>
        <Button variant="light" mt="sm" onClick={() => void views.refetch()}>
          {t.common.retry}
        </Button>
      </Alert>
    );
  }
  return <OrderListScreen views={views.data} />;
}

type Naming = { kind: 'new' } | { kind: 'rename'; view: View } | null;

function OrderListScreen({ views }: { views: View[] }) {
  const { t } = useI18n();
  const toast = useToast();
  const location = useLocation();
  const list = useListState(views);
  const { view, filter, sort, columns } = list;
  // what the table and the Excel file show: the layout, plus 배송지연 while its filter is on
  const shownColumns = useMemo(() => columnsShownFor(columns, filter), [columns, filter]);
  useEffect(() => rememberListHref(location.href), [location.href]);
  const phone = usePhone();

  const counts = useViewCounts();
  const diff = useViewDiff(view.id, { filter, sort, columns }, list.mayDiffer);
  const scope = useMemo(() => JSON.stringify([view.id, filter, sort]), [view.id, filter, sort]);
  const paging = usePaging(scope);
  const orders = useOrderSearch({ filter, sort, limit: PAGE_SIZE, ...(paging.cursor ? { cursor: paging.cursor } : {}) }, true);
  const selection = useOrderSelection(scope);
  // order-bulk: the bulk tools work on the selection and the list as shown
  const bulk = useOrderBulk({ selection, view, filter, sort, columns: shownColumns });

  const createView = useCreateView();
  const updateView = useUpdateView();
  const deleteView = useDeleteView();
  const reorderViews = useReorderViews();
  const saveLayout = useSaveLayout();
  const resetLayout = useResetLayout();
  const [naming, setNaming] = useState<Naming>(null);
  const [deleting, setDeleting] = useState<View | null>(null);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const [columnsOpen, setColumnsOpen] = useState(false);
  const [savingTab, setSavingTab] = useState(false);

  // the dialogs' code once the first rows are in (lazy-parts.tsx)
  const shown = orders.data !== undefined;
  useEffect(() => (shown ? whenIdle(preloadListParts) : undefined), [shown]);

  const items = orders.data?.items ?? [];
  const pageIds = items.map((o) => o.id);
  const count = useListTotal(filter, selection.allOnPageSelected(pageIds));
  // "select all N" names the exact number only: while the estimate shows, it waits for it
  const exactTotal = count.exact ? count.total : null;
  const couriers = [...new Set(items.flatMap((o) => (o.courier ? [o.courier] : [])))].sort();
  const conditions = countConditions(filter);
  const fail = (error: unknown) => toast.error(errorMessage(error));

  const saveTab = async () => {
    if (!diff) return;
    setSavingTab(true);
    try {
      if (diff.filter.changed || diff.sort.changed) await updateView.mutateAsync({ id: view.id, change: view.locked ? { sort } : { filter, sort } });
      if (diff.columns.changed) await saveLayout.mutateAsync({ id: view.id, columns });
      list.discard();
      toast.success(t.list.tabSaved);
    } catch (error) {
      fail(error);
    } finally {
      setSavingTab(false);
    }
  };

  const submitName = (name: string) => {
    if (naming?.kind === 'new') {
      createView.mutate(
        { name, filter, sort, columns },
        {
          onSuccess: (created) => {
            setNaming(null);
            list.goToView(created.id);
            toast.success(t.list.tabCreated(created.name));
          },
        },
      );
    } else if (naming?.kind === 'rename') {
      updateView.mutate(
        { id: naming.view.id, change: { name } },
        {
          onSuccess: () => {
            setNaming(null);
            toast.success(t.list.tabRenamed);
          },
        },
      );
    }
  };
  const namingError = naming?.kind === 'new' ? createView.error : naming?.kind === 'rename' ? updateView.error : null;

  return (
    <Stack gap="sm">
      <Title order={1} size="h3">
        {t.list.title}
      </Title>
      <ViewTabs
        views={views}
        activeId={view.id}
        counts={counts.data}
        onSelect={list.goToView}
        onReorder={(ids) => reorderViews.mutate(ids, { onSuccess: () => toast.success(t.list.tabsReordered), onError: fail })}
        onAdd={() => {
          createView.reset();
          setNaming({ kind: 'new' });
        }}
        onRename={(v) => {
          updateView.reset();
          setNaming({ kind: 'rename', view: v });
        }}
        onDelete={setDeleting}
      />
      {diff?.changed && (
        <ModifiedBar
          diff={diff}
          locked={view.locked}
          saving={savingTab}
          onSave={() => void saveTab()}
          onSaveAsNew={() => {
            createView.reset();
            setNaming({ kind: 'new' });
          }}
          onDiscard={list.discard}
        />
      )}
      <Group gap="xs" wrap="wrap">
        <SearchBox value={filter.keyword ?? ''} onSearch={list.setKeyword} />
        <Button variant={conditions > 0 ? 'light' : 'default'} onClick={() => setFiltersOpen(true)} rightSection={conditions > 0 ? <Badge size="sm" circle aria-hidden>{conditions}</Badge> : null}>
          {t.list.filter}
        </Button>
        <SavedFiltersMenu filter={filter} onLoad={list.setFilter} />
        <SortControl sort={sort} onChange={list.setSort} />
        {/* the columns are the table's (and the export's): cards on a phone have none to arrange */}
        {!phone && (
          <Button variant="default" onClick={() => setColumnsOpen(true)}>
            {t.list.columnSettings}
          </Button>
        )}
        {/* order-bulk: 엑셀 다운로드, 송장 일괄 등록, 최근 일괄 처리 */}
        <BulkToolbar bulk={bulk} />
        <ListTotal count={count} />
      </Group>
      <FilterChips filter={filter} onChange={list.setFilter} />
      <SelectionBanner selection={selection} pageIds={pageIds} total={exactTotal ?? 0} filter={filter} />
      {/* order-bulk: the 일괄 처리 menu in the selection bar; its dialogs live at the page */}
      <BulkActionBar selection={selection} actions={<BulkSelectionActions bulk={bulk} />} />
      <OnceOpened open={bulk.dialog !== null}>
        <BulkDialogs bulk={bulk} />
      </OnceOpened>
      {orders.isError ? (
        <Alert color="red" role="alert" title={errorMessage(orders.error)}>
          <Button variant="light" mt="sm" onClick={() => void orders.refetch()}>
            {t.common.retry}
          </Button>
        </Alert>
      ) : orders.data && items.length === 0 && !orders.isPlaceholderData ? (
        <EmptyOrders />
      ) : phone ? (
        <OrderCards orders={items} selection={selection} loading={orders.isPending} refreshing={orders.isPlaceholderData || (orders.isFetching && !orders.isPending)} />
      ) : (
        <OrderTable
          orders={items}
          columns={shownColumns}
          sort={sort}
          onSort={list.setSort}
          // a width dragged is a change of the layout (수정됨), never of what a filter added
          onColumnWidths={(widths) => list.setColumns(setColumnWidths(columns, widths))}
          selection={selection}
          loading={orders.isPending}
          refreshing={orders.isPlaceholderData || (orders.isFetching && !orders.isPending)}
        />
      )}
      {orders.data && items.length > 0 && (
        <ListPager
          pageIndex={paging.index}
          pageSize={PAGE_SIZE}
          shown={items.length}
          total={count.total}
          exact={count.exact}
          hasPrevious={paging.hasPrevious}
          hasNext={orders.data.nextCursor !== null && !orders.isPlaceholderData}
          onPrevious={paging.previous}
          onNext={() => orders.data?.nextCursor && paging.next(orders.data.nextCursor)}
        />
      )}

      <OnceOpened open={filtersOpen}>
        <FilterDrawer opened={filtersOpen} filter={filter} courierSuggestions={couriers} onApply={list.setFilter} onClose={() => setFiltersOpen(false)} />
      </OnceOpened>
      <OnceOpened open={columnsOpen}>
        <ColumnSettingsModal
          opened={columnsOpen}
          columns={columns}
          personal={view.personalLayout}
          saving={saveLayout.isPending}
          resetting={resetLayout.isPending}
          error={saveLayout.isError ? errorMessage(saveLayout.error) : resetLayout.isError ? errorMessage(resetLayout.error) : null}
          onClose={() => setColumnsOpen(false)}
          onSave={(next) =>
            saveLayout.mutate(
              { id: view.id, columns: next },
              {
                onSuccess: () => {
                  list.resetColumns();
                  setColumnsOpen(false);
                  toast.success(t.list.layoutSaved);
                },
              },
            )
          }
          onReset={() =>
            resetLayout.mutate(view.id, {
              onSuccess: () => {
                list.resetColumns();
                setColumnsOpen(false);
                toast.success(t.list.layoutReset);
              },
            })
          }
        />
      </OnceOpened>
      <OnceOpened open={naming !== null}>
        <NameModal
          opened={naming !== null}
          title={naming?.kind === 'rename' ? t.list.renameTitle : t.list.newTabTitle}
          label={t.list.tabName}
          initialName={naming?.kind === 'rename' ? naming.view.name : ''}
          pending={createView.isPending || updateView.isPending}
          error={namingError ? errorMessage(namingError) : null}
          onSubmit={submitName}
          onClose={() => setNaming(null)}
        />
      </OnceOpened>
      <OnceOpened open={deleting !== null}>
        <DeleteViewModal
          view={deleting}
          pending={deleteView.isPending}
          onClose={() => setDeleting(null)}
          onConfirm={(v) =>
            deleteView.mutate(v.id, {
              onSuccess: (result) => {
                setDeleting(null);
                if (v.id === view.id) list.goToView(result.views[0]?.id ?? v.id);
                toast.success(t.list.tabDeleted);
              },
              onError: fail,
            })
          }
        />
      </OnceOpened>
    </Stack>
  );
}
