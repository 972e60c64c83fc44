import { Alert, Badge, Button, Card, Group, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { errorMessage } from '../../../app/api/client';
import { formatSeoulDateTime } from '../../../app/format';
import { useMe } from '../../auth/api/me';
import { orderActions } from '../api/actions';
import { useDetailI18n } from '../i18n';
import { useActorLabel, useMemoMutation, type MemoEntry } from './timeline-shared';

/** A memo inline in the timeline: author and date, edited by its author, deleted by its author or a manager. */
export function MemoItem({ orderId, memo, readOnly }: { orderId: number; memo: MemoEntry; readOnly: boolean }) {
  const { d, t } = useDetailI18n();
  const actorLabel = useActorLabel();
  const me = useMe();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [body, setBody] = useState(memo.body);
  const edit = useMemoMutation(orderId, (text: string) => orderActions.editMemo(orderId, memo.id, text), d.timeline.memoEdited);
  const remove = useMemoMutation(orderId, () => orderActions.deleteMemo(orderId, memo.id), d.timeline.memoDeleted);
  const role = me.data?.staff.role;
  const mayDelete = !readOnly && (memo.editable || role === 'manager' || role === 'owner');
  const at = formatSeoulDateTime(memo.at);
  return (
    <Card padding="xs" radius="sm" bg="yellow.0" withBorder role="article" aria-label={`${d.timeline.memo} · ${actorLabel(memo.actor)} · ${at}`}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Group gap={6}>
          <Badge size="xs" color="yellow" variant="filled" tt="none">
            {d.timeline.memo}
          </Badge>
          <Text size="xs" c="dimmed" data-testid="memo-author">
            {actorLabel(memo.actor)} · {at}
            {memo.updatedAt ? ` · ${d.timeline.edited(formatSeoulDateTime(memo.updatedAt))}` : ''}
          </Text>
        </Group>
        {!editing && !confirming && (
          <Group gap={4}>
            {!readOnly && memo.editable && (
              <Button size="compact-xs" variant="subtle" aria-label={d.timeline.editLabel(at)} onClick={() => setEditing(true)}>
                {d.timeline.edit}
              </Button>
            )}
            {mayDelete && (
              <Button size="compact-xs" variant="subtle" color="red" aria-label={d.timeline.deleteLabel(at)} onClick={() => setConfirming(true)}>
                {t.common.delete}
              </Button>
            )}
          </Group>
        )}
      </Group>
      {editing ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (body.trim()) edit.mutate(body.trim(), { onSuccess: () => setEditing(false) });
          }}
        >
          <Stack gap="xs" mt="xs">
            <Textarea label={d.timeline.editField} value={body} onChange={(e) => setBody(e.currentTarget.value)} autosize minRows={2} maxLength={2000} data-autofocus />
            {edit.error && (
              <Alert color="red" role="alert">
                {errorMessage(edit.error)}
              </Alert>
            )}
            <Group justify="flex-end" gap="xs">
              <Button
                size="xs"
                variant="default"
                onClick={() => {
                  setBody(memo.body);
                  setEditing(false);
                }}
              >
                {t.common.cancel}
              </Button>
              <Button size="xs" type="submit" disabled={!body.trim()} loading={edit.isPending}>
                {d.timeline.save}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : (
        <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }} data-testid="memo-body">
          {memo.body}
        </Text>
      )}
      {confirming && (
        <Group gap="xs" mt="xs" role="alert">
          <Text size="sm">{d.timeline.confirmDelete}</Text>
          <Button size="compact-xs" color="red" loading={remove.isPending} onClick={() => remove.mutate(undefined)}>
            {t.common.delete}
          </Button>
          <Button size="compact-xs" variant="default" onClick={() => setConfirming(false)}>
            {t.common.cancel}
          </Button>
          {remove.error && <Text size="sm" c="red">{errorMessage(remove.error)}</Text>}
        </Group>
      )}
    </Card>
  );
}
