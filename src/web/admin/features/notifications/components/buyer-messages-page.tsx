import { Alert, Anchor, Button, Card, Center, EmptyState, Group, Loader, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { BuyerMessage } from '../../../../../contracts/notifications';
import { MESSAGE_CHANNELS } from '../../../../../domain/buyer-message-moments';
import { errorMessage } from '../../../app/api/client';
import { formatSeoulDateTime } from '../../../app/format';
import { Link, navigate, useLocation } from '../../../app/router';
import { usePhone } from '../../../app/use-phone';
import { useBuyerMessages } from '../api/buyer-messages';
import type { BuyerMessageFilter } from '../api/keys';
import { useNotificationsI18n } from '../i18n';
import { BuyerMessageDetailModal } from './buyer-message-detail';
import { BuyerMessageStatusBadge } from './message-status-badge';
import { BUYER_MESSAGES_PATH, NOTIFICATION_SETTINGS_PATH } from './paths';

const STATUSES = ['delivered', 'pending', 'failed'] as const;
const TRANSPORTS = ['development', 'smtp', 'solapi'] as const;
const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined => values.find((v) => v === value);

/** The filter and the open message live in the address: the timeline links here, and a reload keeps them. */
function filterFrom(search: URLSearchParams): BuyerMessageFilter {
  return {
    orderNumber: search.get('orderNumber')?.trim() || undefined,
    channel: oneOf(MESSAGE_CHANNELS, search.get('channel')),
    status: oneOf(STATUSES, search.get('status')),
    transport: oneOf(TRANSPORTS, search.get('transport')),
  };
}

/** 발송 내역 / 개발용 발송함: every buyer message, newest first, filtered; a row opens it as the buyer saw it. */
export function BuyerMessagesPage() {
  const { n, channelLabel } = useNotificationsI18n();
  const { search } = useLocation();
  const filter = filterFrom(search);
  const openId = Number(search.get('id')) || null;
  const query = useBuyerMessages(filter);
  const messages = query.data?.pages.flatMap((page) => page.messages) ?? [];
  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(search);
    if (value) next.set(key, value);
    else next.delete(key);
    const qs = next.toString();
    navigate(qs ? `${BUYER_MESSAGES_PATH}?${qs}` : BUYER_MESSAGES_PATH, { replace: key !== 'id' });
  };
  const options = (values: readonly string[], label: (v: string) => string) => [{ value: '', label: n.messages.all }, ...values.map((value) => ({ value, label: label(value) }))];
  return (
    <Stack gap="sm">
      <Group justify="space-between" gap="xs">
        <Title order={1} size="h3">
          {n.messages.title}
        </Title>
        <Anchor component={Link} to={NOTIFICATION_SETTINGS_PATH} size="sm">
          {n.settings.title}
        </Anchor>
      </Group>
      <Text size="sm" c="dimmed">
        {n.messages.hint}
      </Text>
      <Group gap="xs" align="flex-end" wrap="wrap">
        <OrderNumberSearch key={filter.orderNumber ?? ''} initial={filter.orderNumber ?? ''} onSearch={(value) => setParam('orderNumber', value)} />
        <Select label={n.messages.filters.channel} data={options(MESSAGE_CHANNELS, (v) => channelLabel(v as (typeof MESSAGE_CHANNELS)[number]))} value={filter.channel ?? ''} onChange={(v) => setParam('channel', v)} allowDeselect={false} w={130} />
        <Select label={n.messages.filters.status} data={options(STATUSES, (v) => n.messages.status[v as (typeof STATUSES)[number]])} value={filter.status ?? ''} onChange={(v) => setParam('status', v)} allowDeselect={false} w={120} />
        <Select label={n.messages.filters.transport} data={options(TRANSPORTS, (v) => n.messages.transport[v] ?? v)} value={filter.transport ?? ''} onChange={(v) => setParam('transport', v)} allowDeselect={false} w={150} />
      </Group>
      {query.isPending ? (
        <Center py="xl">
          <Loader aria-label={n.messages.loading} />
        </Center>
      ) : query.isError ? (
        <Alert color="red" role="alert" title={errorMessage(query.error)} />
      ) : messages.length === 0 ? (
        <EmptyState title={n.messages.empty} py="xl" role="status" />
      ) : (
        <MessageList messages={messages} open={(id) => setParam('id', String(id))} />
      )}
      {query.hasNextPage && (
        <Button variant="default" onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage} style={{ alignSelf: 'flex-start' }}>
          {n.messages.loadMore}
        </Button>
      )}
      {openId !== null && <BuyerMessageDetailModal messageId={openId} onClose={() => setParam('id', null)} onOpen={(id) => setParam('id', String(id))} />}
    </Stack>
  );
}

function OrderNumberSearch({ initial, onSearch }: { initial: string; onSearch: (value: string | null) => void }) {
  const { n } = useNotificationsI18n();
  const [value, setValue] = useState(initial);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(value.trim() || null);
  };
  return (
    <form onSubmit={submit} role="search" style={{ flex: '1 1 180px', maxWidth: 260 }}>
      <TextInput label={n.messages.filters.orderNumber} type="search" value={value} onChange={(e) => setValue(e.currentTarget.value)} onBlur={() => value.trim() !== initial && onSearch(value.trim() || null)} />
    </form>
  );
}

/** A table on a desktop, cards on a phone (five columns do not fit 390 px). */
function MessageList({ messages, open }: { messages: BuyerMessage[]; open: (id: number) => void }) {
  const { n, momentLabel, channelLabel } = useNotificationsI18n();
  const phone = usePhone();
  const c = n.messages.columns;
  const openLink = (message: BuyerMessage, label: string) => (
    <Anchor component="button" type="button" size="sm" onClick={() => open(message.id)} aria-label={n.messages.open(momentLabel(message.moment), formatSeoulDateTime(message.createdAt))} ta="left">
      {label}
    </Anchor>
  );
  if (phone) {
    return (
      <Stack gap="xs" component="ul" aria-label={n.messages.title} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {messages.map((message) => (
          <Card key={message.id} withBorder padding="sm" component="li">
            <Group justify="space-between" gap={4} wrap="nowrap">
              {openLink(message, momentLabel(message.moment))}
              <Text size="xs" c="dimmed">
                {channelLabel(message.channel)}
              </Text>
            </Group>
            <Text size="sm" style={{ wordBreak: 'break-all' }}>
              {message.recipient}
            </Text>
            <Group justify="space-between" gap={4}>
              <Group gap={0}>
                <BuyerMessageStatusBadge message={message} />
              </Group>
              <Text size="xs" c="dimmed">
                {formatSeoulDateTime(message.createdAt)}
              </Text>
            </Group>
          </Card>
        ))}
      </Stack>
    );
  }
  return (
    <Table withTableBorder highlightOnHover aria-label={n.messages.title}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{c.time}</Table.Th>
          <Table.Th>{c.moment}</Table.Th>
          <Table.Th>{c.channel}</Table.Th>
          <Table.Th>{c.recipient}</Table.Th>
          <Table.Th>{c.order}</Table.Th>
          <Table.Th>{c.status}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {messages.map((message) => (
          <Table.Tr key={message.id}>
            <Table.Td>{openLink(message, formatSeoulDateTime(message.createdAt))}</Table.Td>
            <Table.Td>{momentLabel(message.moment)}</Table.Td>
            <Table.Td>{channelLabel(message.channel)}</Table.Td>
            <Table.Td style={{ wordBreak: 'break-all' }}>{message.recipient}</Table.Td>
            <Table.Td>
              {message.orderId !== null && (
                <Anchor component={Link} to={`/orders/${message.orderId}`} size="sm">
                  {message.orderNumber ?? `#${message.orderId}`}
                </Anchor>
              )}
            </Table.Td>
            <Table.Td>
              <BuyerMessageStatusBadge message={message} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
