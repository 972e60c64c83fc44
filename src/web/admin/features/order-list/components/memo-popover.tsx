import { Alert, Button, Divider, HoverCard, Loader, Popover, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { Fragment, useState } from 'react';
import type { OrderListItem } from '../../../../../contracts/order-list';
import type { TimelineResponse } from '../../../../../contracts/timeline';
import { errorMessage } from '../../../app/api/client';
import { formatSeoulDateTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { useOrderMemos } from '../api/order-memos';

type TimelineMemo = Extract<TimelineResponse['entries'][number], { kind: 'memo' }>;

/** Memos shown in the hover preview: the latest few, each cut to a few lines. */
const PREVIEW_MEMOS = 3;

function MemoEntry({ memo, clampLines }: { memo: TimelineMemo; clampLines?: number }) {
  const { t } = useI18n();
  return (
    <div>
      <Text size="xs" c="dimmed">
        {memo.actor.name ?? ''} · {formatSeoulDateTime(memo.at)}
        {memo.updatedAt ? ` · ${t.memos.edited}` : ''}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} lineClamp={clampLines}>
        {memo.body}
      </Text>
    </div>
  );
}

/** The order's memos, newest first; `preview`: only the latest few, shortened. One query for both. */
function MemoList({ orderId, preview }: { orderId: number; preview?: boolean }) {
  const { t } = useI18n();
  const memos = useOrderMemos(orderId);
  if (memos.isPending) return <Loader size="sm" aria-label={t.common.loading} />;
  if (memos.isError) return <Alert color="red">{errorMessage(memos.error)}</Alert>;
  if (memos.data.length === 0) return <Text size="sm">{t.memos.empty}</Text>;
  const shown = preview ? memos.data.slice(0, PREVIEW_MEMOS) : memos.data;
  const list = (
    <Stack gap="xs">
      {shown.map((memo, i) => (
        <Fragment key={memo.id}>
          {i > 0 && <Divider />}
          <MemoEntry memo={memo} clampLines={preview ? 3 : undefined} />
        </Fragment>
      ))}
      {preview && memos.data.length > shown.length && (
        <Text size="xs" c="dimmed">
          {t.memos.more(memos.data.length - shown.length)}
        </Text>
      )}
    </Stack>
  );
  return preview ? list : <ScrollArea.Autosize mah={320}>{list}</ScrollArea.Autosize>;
}

/**
 * The 메모 column: the count. Hovering (or focusing) it previews the latest memos — author, time,
 * text — without a click (the announcement's QnA: memos read from the list); a click opens all of
 * them in a popover. Both read one query (the order's memos), fetched on the first hover and
 * cached, so the click after a hover asks the server nothing more.
 */
export function MemoCell({ order }: { order: OrderListItem }) {
  const { t } = useI18n();
  const [opened, setOpened] = useState(false);
  if (order.memoCount === 0) {
    return (
      <Text size="sm" c="dimmed" ta="center">
        0
      </Text>
    );
  }
  // The click's popover sits inside the hover card's target: a Popover.Target finds the nearest
  // popover, and inside the hover card (itself a popover) that would be the hover card's own.
  return (
    <HoverCard disabled={opened} openDelay={250} closeDelay={150} position="left" width={320} shadow="md" withArrow role="tooltip" events={{ hover: true, focus: true, touch: false }}>
      <HoverCard.Target>
        <span style={{ display: 'inline-block' }}>
          <Popover opened={opened} onChange={setOpened} position="bottom-end" width={340} shadow="md" withArrow trapFocus returnFocus>
            <Popover.Target>
              <Button variant="light" size="compact-xs" aria-label={t.memos.open(order.memoCount)} onClick={() => setOpened((o) => !o)}>
                {order.memoCount} <span aria-hidden>▼</span>
              </Button>
            </Popover.Target>
            <Popover.Dropdown aria-label={t.memos.title}>
              <Stack gap="xs">
                <Title order={3} size="h5">
                  {t.memos.title} · {order.orderNumber}
                </Title>
                <MemoList orderId={order.id} />
              </Stack>
            </Popover.Dropdown>
          </Popover>
        </span>
      </HoverCard.Target>
      <HoverCard.Dropdown aria-label={t.memos.preview(order.orderNumber)}>
        <MemoList orderId={order.id} preview />
      </HoverCard.Dropdown>
    </HoverCard>
  );
}
