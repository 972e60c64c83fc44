import { Badge, Button, Group, Paper, Text, Tooltip } from '@mantine/core';
import type { ViewDiffResponse } from '../../../../../contracts/views';
import { useI18n } from '../../../app/i18n';

export interface ModifiedBarProps {
  diff: ViewDiffResponse;
  /** 전체 keeps selecting every order: its filter cannot be saved, only its sort and columns. */
  locked: boolean;
  saving: boolean;
  onSave(): void;
  onSaveAsNew(): void;
  onDiscard(): void;
}

/** 수정됨 with 저장 / 새 탭으로 저장 / 취소, when the list differs from its saved tab. */
export function ModifiedBar({ diff, locked, saving, onSave, onSaveAsNew, onDiscard }: ModifiedBarProps) {
  const { t } = useI18n();
  const parts = [diff.filter.changed && t.list.modifiedParts.filter, diff.sort.changed && t.list.modifiedParts.sort, diff.columns.changed && t.list.modifiedParts.columns].filter(
    (p): p is string => typeof p === 'string',
  );
  const saveBlocked = locked && diff.filter.changed;
  return (
    <Paper withBorder p="xs" bg="yellow.0" role="region" aria-label={t.list.modified}>
      <Group justify="space-between" wrap="nowrap">
        <Group gap="xs">
          <Badge color="yellow" variant="filled" radius="sm">
            {t.list.modified}
          </Badge>
          <Text size="sm">{t.list.modifiedWhat(parts.join(', '))}</Text>
        </Group>
        <Group gap="xs" wrap="nowrap">
          <Tooltip label={t.list.lockedFilter} disabled={!saveBlocked}>
            {/* a disabled button gets no hover: the wrapper carries the tooltip */}
            <span>
              <Button size="xs" onClick={onSave} loading={saving} disabled={saveBlocked}>
                {t.list.saveTab}
              </Button>
            </span>
          </Tooltip>
          <Button size="xs" variant="light" onClick={onSaveAsNew}>
            {t.list.saveAsNewTab}
          </Button>
          <Button size="xs" variant="default" onClick={onDiscard}>
            {t.list.discard}
          </Button>
        </Group>
      </Group>
    </Paper>
  );
}
