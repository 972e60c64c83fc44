import { Alert, Button, Divider, Loader, Popover, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { Fragment, useState } from 'react';
import type { OrderListItem } from '../../../../../contracts/order-list';
import { errorMessage } from '../../../app/api/client';
import { formatSeoulDateTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { useOrderMemos } from '../api/order-memos';

function MemoList({ orderId }: { orderId: number }) {
  const { t } = useI18n();
  const memos = useOrderMemos(orderId);
  if (memos.isPending) return <Loader size="sm" aria-label={t.common.loading} />;
  if (memos.isError) return <Alert color="red">{errorMessage(memos.error)}</Alert>;
  if (memos.data.length === 0) return <Text size="sm">{t.memos.empty}</Text>;
  return (
    <ScrollArea.Autosize mah={320}>
      <Stack gap="xs">
        {memos.data.map((memo, i) => (
          <Fragment key={memo.id}>
            {i > 0 && <Divider />}
            <div>
              <Text size="xs" c="dimmed">
                {memo.actor.name ?? ''} · {formatSeoulDateTime(memo.at)}
                {memo.updatedAt ? ` · ${t.memos.edited}` : ''}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {memo.body}
              </Text>
            </div>
          </Fragment>
        ))}
      </Stack>
    </ScrollArea.Autosize>
  );
}

/** The 메모 column: the count, opening the order's memos (fetched when opened). */
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
  return (
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
  );
}
