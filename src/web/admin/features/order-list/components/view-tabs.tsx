import { ActionIcon, Badge, Group, Menu, Tooltip } from '@mantine/core';
import { useLayoutEffect, useRef, useSyncExternalStore, type ComponentType, type CSSProperties, type KeyboardEvent, type Ref } from 'react';
import { viewLabel } from '../../../../../contracts/view-names';
import type { View, ViewCountsResponse } from '../../../../../contracts/views';
import { formatNumber } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import type { SortableTabsProps } from './view-tabs-sortable';

export interface ViewTabsProps {
  views: View[];
  activeId: number;
  counts: Map<number, ViewCount> | undefined;
  onSelect(viewId: number): void;
  /** The tabs' ids in their new order (전체 stays first). */
  onReorder(ids: number[]): void;
  onAdd(): void;
  onRename(view: View): void;
  onDelete(view: View): void;
}

type ViewCount = ViewCountsResponse['counts'][number];

/** What dnd-kit adds to a tab it can drag (view-tabs-sortable.tsx). */
export interface TabDrag {
  ref: Ref<HTMLButtonElement>;
  listeners: object | undefined;
  style: CSSProperties;
}

function TabButton({ view, active, count, onSelect, drag }: { view: View; active: boolean; count: ViewCount | undefined; onSelect(): void; drag?: TabDrag }) {
  const { t, lang } = useI18n();
  return (
    <button
      ref={drag?.ref}
      type="button"
      role="tab"
      aria-selected={active}
      tabIndex={active ? 0 : -1}
      className="jm-tab"
      data-view-id={view.id}
      onClick={onSelect}
      {...drag?.listeners}
      style={drag?.style ?? { cursor: 'pointer' }}
    >
      <span>{viewLabel(view.name, lang)}</span>
      <Badge size="sm" variant={active ? 'filled' : 'light'} color={active ? 'indigo' : 'gray'} radius="xl">
        {count === undefined ? '…' : count.exact ? formatNumber(count.count) : t.list.about(formatNumber(count.count))}
      </Badge>
    </button>
  );
}

let sortable: { SortableTabs: ComponentType<SortableTabsProps> } | null = null;
let loading: Promise<void> | null = null;
/** The tab that had the focus when the draggable tabs replaced the plain ones: it keeps it. */
let focusedTab: string | undefined;
const subscribers = new Set<() => void>();

/**
 * Fetches dnd-kit's tab dragging (~14 KB gzipped, its own chunk): after the list's first rows
 * (preloadListParts) or when a pointer comes over the tabs, whichever is first. Until it is in,
 * the tabs are plain tabs (click, arrow keys and the tab menu's 왼쪽/오른쪽으로 이동 all work).
 */
export function preloadSortableTabs(): void {
  loading ??= import('./view-tabs-sortable').then(
    (module) => {
      sortable = module;
      focusedTab = document.activeElement instanceof HTMLElement && document.activeElement.matches('[role="tab"]') ? document.activeElement.dataset.viewId : undefined;
      for (const notify of subscribers) notify();
    },
    () => {
      loading = null;
    },
  );
}

function subscribe(notify: () => void) {
  subscribers.add(notify);
  return () => void subscribers.delete(notify);
}

const moved = <T,>(items: readonly T[], from: number, to: number): T[] => {
  const next = [...items];
  const [item] = next.splice(from, 1);
  if (item !== undefined) next.splice(to, 0, item);
  return next;
};

/**
 * The tabs across the top with their counts (UI.md). Dragging a tab moves it (전체 is locked first)
 * once dnd-kit is in (preloadSortableTabs); the active tab's menu renames, moves (the keyboard's
 * way to reorder) and deletes it.
 */
export function ViewTabs({ views, activeId, counts, onSelect, onReorder, onAdd, onRename, onDelete }: ViewTabsProps) {
  const { t, lang } = useI18n();
  const Sortable = useSyncExternalStore(subscribe, () => sortable)?.SortableTabs;
  const ids = views.map((v) => v.id);
  const lockedCount = views.filter((v) => v.locked).length;

  const move = (from: number, to: number) => {
    const target = Math.max(lockedCount, Math.min(views.length - 1, to));
    if (from === target) return;
    onReorder(moved(ids, from, target));
  };
  const tab = (view: View, drag?: TabDrag) => <TabButton key={view.id} view={view} active={view.id === activeId} count={counts?.get(view.id)} onSelect={() => onSelect(view.id)} drag={drag} />;
  // the plain tabs give way to the draggable ones once (new elements): a tab that had the focus keeps it
  const tablist = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (!Sortable || focusedTab === undefined) return;
    tablist.current?.querySelector<HTMLElement>(`[data-view-id="${focusedTab}"]`)?.focus();
    focusedTab = undefined;
  }, [Sortable]);
  const activeIndex = ids.indexOf(activeId);
  const active = views[activeIndex];

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // arrow keys move between tabs (the ARIA tabs pattern)
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    const focused = ids.indexOf(Number((document.activeElement as HTMLElement | null)?.dataset.viewId));
    if (focused < 0) return;
    const next = views[(focused + (event.key === 'ArrowRight' ? 1 : -1) + views.length) % views.length];
    if (!next) return;
    event.preventDefault();
    event.currentTarget.querySelector<HTMLElement>(`[data-view-id="${next.id}"]`)?.focus();
    onSelect(next.id);
  };

  return (
    <Group gap={4} wrap="nowrap" align="center" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)', overflowX: 'auto' }}>
      <div ref={tablist} role="tablist" aria-label={t.list.tabsLabel} style={{ display: 'flex', gap: 2 }} onKeyDown={onKeyDown} onPointerEnter={preloadSortableTabs}>
        {Sortable ? <Sortable views={views} instructions={t.list.tabDragInstructions} onMove={move} renderTab={tab} /> : views.map((view) => tab(view))}
      </div>
      {active && !active.locked && (
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <ActionIcon variant="subtle" color="gray" aria-label={t.list.tabMenu(viewLabel(active.name, lang))}>
              <span aria-hidden>⋯</span>
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item onClick={() => onRename(active)}>{t.list.rename}</Menu.Item>
            <Menu.Item onClick={() => move(activeIndex, activeIndex - 1)} disabled={activeIndex <= lockedCount}>
              {t.list.moveLeft}
            </Menu.Item>
            <Menu.Item onClick={() => move(activeIndex, activeIndex + 1)} disabled={activeIndex >= views.length - 1}>
              {t.list.moveRight}
            </Menu.Item>
            <Menu.Divider />
            <Menu.Item color="red" onClick={() => onDelete(active)}>
              {t.list.deleteTab}
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      )}
      <Tooltip label={t.list.addTab}>
        <ActionIcon variant="subtle" aria-label={t.list.addTab} onClick={onAdd}>
          <span aria-hidden>＋</span>
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}
