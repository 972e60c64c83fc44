import { Alert, Anchor, Badge, Button, Center, EmptyState, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { WebhookMessage } from '../../../../../contracts/webhooks';
import { errorMessage } from '../../../app/api/client';
import { formatSeoulDateTime } from '../../../app/format';
import { Link } from '../../../app/router';
import { useWebhookEndpoint } from '../api/endpoints';
import { useWebhookMessages } from '../api/messages';
import { useWebhooksI18n } from '../i18n';
import { MessageDetailModal } from './message-detail';
import { MessageStatusBadge } from './message-status-badge';

/** 전송 기록: one endpoint's messages, newest first; a row opens the message with its attempts. */
export function DeliveryLogPage({ endpointId }: { endpointId: number }) {
  const { w } = useWebhooksI18n();
  const endpoint = useWebhookEndpoint(endpointId);
  const query = useWebhookMessages(endpointId);
  const [openId, setOpenId] = useState<number | null>(null);
  const messages = query.data?.pages.flatMap((page) => page.messages) ?? [];
  return (
    <Stack gap="sm">
      <Anchor component={Link} to="/settings/webhooks" size="sm">
        {w.backToList}
      </Anchor>
      <Title order={1} size="h3">
        {w.messages.title}
      </Title>
      {endpoint.data && (
        <Group gap="xs">
          <Text size="sm" fw={500} style={{ wordBreak: 'break-all' }}>
            {endpoint.data.url}
          </Text>
          {endpoint.data.eventTypes.map((type) => (
            <Badge key={type} variant="light" tt="none">
              {type}
            </Badge>
          ))}
        </Group>
      )}
      {endpoint.isError && <Alert color="red" role="alert" title={errorMessage(endpoint.error)} />}
      {query.isPending ? (
        <Center py="xl">
          <Loader aria-label={w.messages.loading} />
        </Center>
      ) : query.isError ? (
        <Alert color="red" role="alert" title={errorMessage(query.error)} />
      ) : messages.length === 0 ? (
        <EmptyState title={w.messages.empty} py="xl" role="status" />
      ) : (
        <MessageTable messages={messages} open={setOpenId} />
      )}
      {query.hasNextPage && (
        <Button variant="default" onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage} style={{ alignSelf: 'flex-start' }}>
          {w.messages.loadMore}
        </Button>
      )}
      {openId !== null && <MessageDetailModal messageId={openId} onClose={() => setOpenId(null)} />}
    </Stack>
  );
}

function MessageTable({ messages, open }: { messages: WebhookMessage[]; open: (messageId: number) => void }) {
  const { w } = useWebhooksI18n();
  const c = w.messages.columns;
  return (
    <Table withTableBorder highlightOnHover aria-label={w.messages.title}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{c.time}</Table.Th>
          <Table.Th>{c.eventType}</Table.Th>
          <Table.Th>{c.order}</Table.Th>
          <Table.Th>{c.status}</Table.Th>
          <Table.Th ta="right">{c.attempts}</Table.Th>
          <Table.Th ta="right">{c.lastStatus}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {messages.map((message) => (
          <Table.Tr key={message.id}>
            <Table.Td>
              <Anchor component="button" type="button" size="sm" onClick={() => open(message.id)} aria-label={w.messages.open(message.messageId)}>
                {formatSeoulDateTime(message.createdAt)}
              </Anchor>
            </Table.Td>
            <Table.Td>
              {/* the event in words; its type, as receivers see it, beside it */}
              <Text size="sm">{(w.eventNames as Record<string, string>)[message.eventType] ?? message.eventType}</Text>
              <Text size="xs" c="dimmed" ff="monospace">
                {message.eventType}
              </Text>
            </Table.Td>
            <Table.Td>
              {message.orderId !== null && (
                <Anchor component={Link} to={`/orders/${message.orderId}`} size="sm">
                  {w.messages.order(message.orderId)}
                </Anchor>
              )}
            </Table.Td>
            <Table.Td>
              <MessageStatusBadge status={message.status} />
            </Table.Td>
            <Table.Td ta="right">{message.attempts}</Table.Td>
            <Table.Td ta="right">{message.lastStatusCode ?? message.lastError ?? ''}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
