import { DndContext, PointerSensor, closestCenter, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import { SortableContext, horizontalListSortingStrategy, useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import type { ReactNode } from 'react';
import type { View } from '../../../../../contracts/views';
import type { TabDrag } from './view-tabs';

export interface SortableTabsProps {
  views: View[];
  /** What a screen reader says a dragged tab does. */
  instructions: string;
  /** A tab dropped from one index onto another's. */
  onMove(from: number, to: number): void;
  renderTab(view: View, drag: TabDrag): ReactNode;
}

function SortableTab({ view, renderTab }: { view: View; renderTab: SortableTabsProps['renderTab'] }) {
  // dnd-kit's attributes would make the tab a "sortable button"; it stays a tab (keyboard users move it from the tab menu)
  const { listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id: view.id, disabled: view.locked });
  return renderTab(view, {
    ref: setNodeRef,
    listeners,
    style: { transform: CSS.Translate.toString(transform), transition, opacity: isDragging ? 0.6 : 1, cursor: view.locked ? 'pointer' : 'grab' },
  });
}

/**
 * The tabs with dnd-kit's dragging (전체 is locked first). Its own chunk: view-tabs.tsx shows
 * plain tabs until it has arrived, after the list's first rows (the first screen goes without it).
 */
export function SortableTabs({ views, instructions, onMove, renderTab }: SortableTabsProps) {
  // a press that moves less than 6 px is a click: tabs stay clickable
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }));
  const ids = views.map((v) => v.id);
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    onMove(ids.indexOf(Number(active.id)), ids.indexOf(Number(over.id)));
  };
  return (
    <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd} accessibility={{ screenReaderInstructions: { draggable: instructions } }}>
      <SortableContext items={ids} strategy={horizontalListSortingStrategy}>
        {views.map((view) => (
          <SortableTab key={view.id} view={view} renderTab={renderTab} />
        ))}
      </SortableContext>
    </DndContext>
  );
}
