import { DndContext, PointerSensor, closestCenter, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import { SortableContext, arrayMove, horizontalListSortingStrategy, useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { ActionIcon, Badge, Group, Menu, Tooltip } from '@mantine/core';
import type { KeyboardEvent } from 'react';
import { viewLabel } from '../../../../../contracts/view-names';
import type { View, ViewCountsResponse } from '../../../../../contracts/views';
import { formatNumber } from '../../../app/format';
import { useI18n } from '../../../app/i18n';

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

function TabButton({ view, active, count, onSelect }: { view: View; active: boolean; count: ViewCount | undefined; onSelect(): void }) {
  // dnd-kit's attributes would make the tab a "sortable button"; it stays a tab (keyboard users move it from the tab menu)
  const { listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id: view.id, disabled: view.locked });
  const { t, lang } = useI18n();
  return (
    <button
      ref={setNodeRef}
      type="button"
      role="tab"
      aria-selected={active}
      tabIndex={active ? 0 : -1}
      className="jm-tab"
      data-view-id={view.id}
      onClick={onSelect}
      {...listeners}
      style={{ transform: CSS.Translate.toString(transform), transition, opacity: isDragging ? 0.6 : 1, cursor: view.locked ? 'pointer' : 'grab' }}
    >
      <span>{viewLabel(view.name, lang)}</span>
      <Badge size="sm" variant={active ? 'filled' : 'light'} color={active ? 'indigo' : 'gray'} radius="xl">
        {count === undefined ? '…' : count.exact ? formatNumber(count.count) : t.list.about(formatNumber(count.count))}
      </Badge>
    </button>
  );
}

/**
 * The tabs across the top with their counts (UI.md). Dragging a tab moves it (전체 is locked first);
 * the active tab's menu renames, moves (the keyboard's way to reorder) and deletes it.
 */
export function ViewTabs({ views, activeId, counts, onSelect, onReorder, onAdd, onRename, onDelete }: ViewTabsProps) {
  const { t, lang } = useI18n();
  // a press that moves less than 6 px is a click: tabs stay clickable
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }));
  const ids = views.map((v) => v.id);
  const lockedCount = views.filter((v) => v.locked).length;

  const move = (from: number, to: number) => {
    const target = Math.max(lockedCount, Math.min(views.length - 1, to));
    if (from === target) return;
    onReorder(arrayMove(ids, from, target));
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    move(ids.indexOf(Number(active.id)), ids.indexOf(Number(over.id)));
  };
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
      <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd} accessibility={{ screenReaderInstructions: { draggable: t.list.tabDragInstructions } }}>
        <SortableContext items={ids} strategy={horizontalListSortingStrategy}>
          <div role="tablist" aria-label={t.list.tabsLabel} style={{ display: 'flex', gap: 2 }} onKeyDown={onKeyDown}>
            {views.map((view) => (
              <TabButton key={view.id} view={view} active={view.id === activeId} count={counts?.get(view.id)} onSelect={() => onSelect(view.id)} />
            ))}
          </div>
        </SortableContext>
      </DndContext>
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
