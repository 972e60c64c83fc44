import { DndContext, KeyboardSensor, PointerSensor, closestCenter, useSensor, useSensors, type Announcements, type DragEndEvent, type UniqueIdentifier } from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { Alert, Button, Group, Modal, ScrollArea, Stack, Switch, Text, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import type { ColumnKey, ColumnLayout, ColumnLayoutEntry } from '../../../../../contracts/views';
import { useI18n } from '../../../app/i18n';
import { columnLabel, moveColumn, orderedColumns, setColumnVisible } from '../model/columns';

export interface ColumnSettingsProps {
  opened: boolean;
  columns: ColumnLayout;
  /** The caller keeps a layout of their own (초기화 goes back to the tab's). */
  personal: boolean;
  saving: boolean;
  resetting: boolean;
  error: string | null;
  onSave(columns: ColumnLayout): void;
  onReset(): void;
  onClose(): void;
}

function ColumnRow({ column, onToggle }: { column: ColumnLayoutEntry; onToggle(visible: boolean): void }) {
  const { t, lang } = useI18n();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: column.key });
  const label = columnLabel(column.key, lang);
  return (
    <li
      ref={setNodeRef}
      data-column={column.key}
      style={{
        transform: CSS.Translate.toString(transform),
        transition,
        listStyle: 'none',
        background: isDragging ? 'var(--mantine-color-indigo-0)' : 'var(--mantine-color-body)',
        border: '1px solid var(--mantine-color-gray-3)',
        borderRadius: 4,
        padding: '4px 8px',
        position: 'relative',
        zIndex: isDragging ? 1 : undefined,
      }}
    >
      <Group justify="space-between" wrap="nowrap">
        <Group gap="xs" wrap="nowrap">
          <UnstyledButton ref={setActivatorNodeRef} className="jm-drag-handle" {...attributes} {...listeners} aria-label={t.columns.dragHandle(label)} px={4}>
            <span aria-hidden>⠿</span>
          </UnstyledButton>
          <Text size="sm" c={column.visible ? undefined : 'dimmed'}>
            {label}
          </Text>
        </Group>
        {/* widths are not typed here: they are dragged at the header's edge in the table */}
        <Switch size="sm" aria-label={t.columns.visible(label)} checked={column.visible} onChange={(e) => onToggle(e.currentTarget.checked)} />
      </Group>
    </li>
  );
}

/** 관리 항목 설정: drag to reorder, switch to show or hide; saved as the staff member's own layout. */
export function ColumnSettingsModal(props: ColumnSettingsProps) {
  const { t } = useI18n();
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={t.columns.title} size="md" closeButtonProps={{ 'aria-label': t.common.close }}>
      {props.opened && <ColumnSettingsForm {...props} />}
    </Modal>
  );
}

function ColumnSettingsForm({ columns, personal, saving, resetting, error, onSave, onReset, onClose }: ColumnSettingsProps) {
  const { t, lang } = useI18n();
  const [draft, setDraft] = useState<ColumnLayout>(() => orderedColumns(columns));
  const name = (id: UniqueIdentifier | undefined) => (id === undefined ? '' : columnLabel(id as ColumnKey, lang));
  const announcements: Announcements = {
    onDragStart: ({ active }) => t.columns.picked(name(active.id)),
    onDragOver: ({ active, over }) => (over ? t.columns.movedOver(name(active.id), name(over.id)) : undefined),
    onDragEnd: ({ active, over }) => (over ? t.columns.dropped(name(active.id), name(over.id)) : t.columns.cancelled(name(active.id))),
    onDragCancel: ({ active }) => t.columns.cancelled(name(active.id)),
  };
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (over && active.id !== over.id) setDraft((d) => moveColumn(d, active.id as ColumnKey, over.id as ColumnKey));
  };
  const noneVisible = !draft.some((c) => c.visible);
  const ordered = orderedColumns(draft);

  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t.columns.hint}
      </Text>
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      <ScrollArea.Autosize mah="60vh">
        <DndContext
          sensors={sensors}
          collisionDetection={closestCenter}
          onDragEnd={onDragEnd}
          accessibility={{ announcements, screenReaderInstructions: { draggable: t.columns.dragInstructions } }}
        >
          <SortableContext items={ordered.map((c) => c.key)} strategy={verticalListSortingStrategy}>
            <ul aria-label={t.columns.title} style={{ margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: 4 }}>
              {ordered.map((column) => (
                <ColumnRow key={column.key} column={column} onToggle={(visible) => setDraft((d) => setColumnVisible(d, column.key, visible))} />
              ))}
            </ul>
          </SortableContext>
        </DndContext>
      </ScrollArea.Autosize>
      {noneVisible && (
        <Text size="sm" c="red" role="alert">
          {t.columns.atLeastOne}
        </Text>
      )}
      <Group justify="space-between">
        <Button variant="subtle" color="gray" onClick={onReset} loading={resetting} disabled={!personal} title={t.columns.resetHint}>
          {t.common.reset}
        </Button>
        <Group gap="xs">
          <Button variant="default" onClick={onClose}>
            {t.common.cancel}
          </Button>
          <Button onClick={() => onSave(draft)} loading={saving} disabled={noneVisible}>
            {t.common.save}
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}
