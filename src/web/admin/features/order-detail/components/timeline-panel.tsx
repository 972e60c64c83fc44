import { Alert, Badge, Button, Card, Group, Loader, SegmentedControl, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { errorMessage } from '../../../app/api/client';
import { formatSeoulDateTime } from '../../../app/format';
import { TimelineMessageActions, timelineMessageId } from '../../notifications/components/timeline-message-actions';
import { orderActions } from '../api/actions';
import { useTimeline } from '../api/queries';
import { useDetailI18n } from '../i18n';
import { MemoItem } from './memo-item';
import { useActorLabel, useMemoMutation, type Entry } from './timeline-shared';

/** 타임라인: newest first, every event with who and when; memos inline (edit by the author); 전체 / 메모만 / 발송 메시지. */
export function TimelinePanel({ orderId, readOnly }: { orderId: number; readOnly: boolean }) {
  const { d, t } = useDetailI18n();
  const [only, setOnly] = useState<'all' | 'memos' | 'messages'>('all');
  const timeline = useTimeline(orderId, only);
  const [draft, setDraft] = useState('');
  const add = useMemoMutation(orderId, (body: string) => orderActions.addMemo(orderId, body), d.timeline.memoSaved);
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="timeline-title">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="timeline-title">
          {d.timeline.title}
        </Title>
        <SegmentedControl
          size="xs"
          aria-label={d.timeline.filter}
          value={only}
          onChange={(v) => setOnly(v === 'memos' || v === 'messages' ? v : 'all')}
          data={[
            { value: 'all', label: d.timeline.all },
            { value: 'memos', label: d.timeline.memosOnly },
            { value: 'messages', label: d.timeline.messagesOnly },
          ]}
        />
      </Group>
      {!readOnly && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (draft.trim()) add.mutate(draft.trim(), { onSuccess: () => setDraft('') });
          }}
        >
          <Stack gap="xs" mb="md">
            <Textarea label={d.timeline.newMemo} placeholder={d.timeline.newMemoPlaceholder} value={draft} onChange={(e) => setDraft(e.currentTarget.value)} autosize minRows={2} maxLength={2000} />
            {add.error && (
              <Alert color="red" role="alert">
                {errorMessage(add.error)}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button type="submit" size="xs" disabled={!draft.trim()} loading={add.isPending}>
                {d.timeline.saveMemo}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
      {timeline.isPending && <Loader size="sm" aria-label={t.common.loading} />}
      {timeline.isError && (
        <Alert color="red" role="alert">
          {errorMessage(timeline.error)}
        </Alert>
      )}
      {timeline.data && timeline.data.length === 0 && <Text size="sm">{only === 'memos' ? d.timeline.memosEmpty : d.timeline.empty}</Text>}
      {timeline.data && (
        <Stack gap={0} component="ol" aria-label={d.timeline.title} style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="timeline">
          {timeline.data.map((entry) => (
            <li key={`${entry.kind}-${entry.id}`} style={{ borderLeft: '2px solid var(--mantine-color-gray-3)', paddingLeft: 12, paddingBottom: 12 }}>
              {entry.kind === 'memo' ? <MemoItem orderId={orderId} memo={entry} readOnly={readOnly} /> : <EventItem entry={entry} readOnly={readOnly} />}
            </li>
          ))}
        </Stack>
      )}
    </Card>
  );
}

function EventItem({ entry, readOnly }: { entry: Extract<Entry, { kind: 'event' }>; readOnly: boolean }) {
  const { d } = useDetailI18n();
  const actorLabel = useActorLabel();
  const messageId = timelineMessageId(entry.type, entry.payload);
  return (
    <Stack gap={2}>
      <Text size="sm">{entry.description}</Text>
      <Group gap={6}>
        <Text size="xs" c="dimmed">
          {actorLabel(entry.actor)} · {formatSeoulDateTime(entry.at)}
        </Text>
        {entry.buyerVisible && (
          <Badge size="xs" variant="outline" color="gray" tt="none">
            {d.timeline.buyerVisible}
          </Badge>
        )}
      </Group>
      {messageId !== null && <TimelineMessageActions messageId={messageId} readOnly={readOnly} />}
    </Stack>
  );
}
