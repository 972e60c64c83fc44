import { Alert, Button, List, Loader, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { timelineResponseSchema } from '../../../../../contracts/timeline';
import { api } from '../../../app/api/client';
import { formatSeoulDateTime } from '../../../app/format';
import { orderPath } from '../api/queries';
import { useConflict } from '../hooks/conflict';
import { useReloadOrder } from '../hooks/reload';
import { useDetailI18n } from '../i18n';
import { useActorLabel } from './timeline-shared';

/**
 * The order changed under this screen: say so, say who changed what (the timeline's events since
 * this screen loaded the order — the 409 itself names only the versions), and offer 새로고침.
 */
export function ConflictBanner({ orderId }: { orderId: number }) {
  const { d } = useDetailI18n();
  const { conflict } = useConflict();
  const reload = useReloadOrder(orderId);
  if (!conflict) return null;
  return (
    <Alert color="orange" role="alert" title={d.conflict.title} data-testid="conflict-banner">
      <Stack gap="xs">
        <Text size="sm">{d.conflict.body}</Text>
        <ConflictChanges orderId={orderId} />
        <div>
          <Button color="orange" onClick={() => void reload()}>
            {d.conflict.reload}
          </Button>
        </div>
      </Stack>
    </Alert>
  );
}

/** Who changed what since this screen loaded the order: the timeline's newest events (the 409 names only versions). */
export function ConflictChanges({ orderId }: { orderId: number }) {
  const { d } = useDetailI18n();
  const { conflict } = useConflict();
  const actorLabel = useActorLabel();
  const events = useQuery({
    queryKey: ['orders', orderId, 'conflict-events', conflict?.loadedAt ?? 0],
    queryFn: ({ signal }) => api.get(`${orderPath(orderId)}/timeline?only=events`, timelineResponseSchema, signal).then((r) => r.entries),
    enabled: conflict !== null,
    staleTime: 0,
  });
  if (!conflict) return null;
  const all = (events.data ?? []).flatMap((e) => (e.kind === 'event' ? [e] : []));
  const since = all.filter((e) => new Date(e.at).getTime() > conflict.loadedAt);
  const shown = (since.length > 0 ? since : all).slice(0, 3);
  return (
    <>
      {events.isPending && <Loader size="xs" aria-label={d.conflict.latest} />}
      {events.isError && <Text size="sm">{d.conflict.unknown}</Text>}
      {shown.length > 0 && (
        <div>
          <Text size="sm" fw={600}>
            {d.conflict.latest}
          </Text>
          <List size="sm">
            {shown.map((e) => (
              <List.Item key={e.id}>{d.conflict.change(actorLabel(e.actor), formatSeoulDateTime(e.at), e.description)}</List.Item>
            ))}
          </List>
        </div>
      )}
      {conflict.mine !== null && conflict.current !== null && (
        <Text size="xs" c="dimmed">
          {d.conflict.version(conflict.mine, conflict.current)}
        </Text>
      )}
    </>
  );
}
