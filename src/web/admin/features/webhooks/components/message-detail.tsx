import { Alert, Button, Center, Code, Group, Loader, Modal, SimpleGrid, Stack, Text } from '@mantine/core';
import type { WebhookMessageDetail } from '../../../../../contracts/webhooks';
import { errorMessage } from '../../../app/api/client';
import { DeliveryAttemptTable, DetailField } from '../../../app/components/delivery-attempts';
import { formatSeoulDateTime } from '../../../app/format';
import { useToast } from '../../../app/toast';
import { useRedeliverWebhookMessage, useWebhookMessage } from '../api/messages';
import { useWebhooksI18n } from '../i18n';
import { MessageStatusBadge } from './message-status-badge';

/** The order number the payload carries (`data.order.number`), if it is an order's event. */
function orderNumberOf(payload: Record<string, unknown>): string | null {
  const data = payload.data;
  if (typeof data !== 'object' || data === null) return null;
  const order = (data as Record<string, unknown>).order;
  if (typeof order !== 'object' || order === null) return null;
  const number = (order as Record<string, unknown>).number;
  return typeof number === 'string' ? number : null;
}

/** A message's detail: what was sent, each attempt, and 다시 보내기 with its result. */
export function MessageDetailModal({ messageId, onClose }: { messageId: number; onClose: () => void }) {
  const { w, t } = useWebhooksI18n();
  const query = useWebhookMessage(messageId);
  return (
    <Modal opened onClose={onClose} title={w.detail.title} size="xl" closeButtonProps={{ 'aria-label': t.common.close }}>
      {query.isPending ? (
        <Center py="xl">
          <Loader aria-label={w.messages.loading} />
        </Center>
      ) : query.isError ? (
        <Alert color="red" role="alert" title={errorMessage(query.error)} />
      ) : (
        <MessageDetail message={query.data} />
      )}
    </Modal>
  );
}

function MessageDetail({ message }: { message: WebhookMessageDetail }) {
  const { w } = useWebhooksI18n();
  const toast = useToast();
  const redeliver = useRedeliverWebhookMessage();
  const orderNumber = orderNumberOf(message.payload);
  const send = () =>
    redeliver.mutate(message.id, {
      onSuccess: (next) => toast.success(w.detail.redelivered(w.messages.status[next.status])),
      onError: (error) => toast.error(errorMessage(error)),
    });
  return (
    <Stack gap="sm">
      <SimpleGrid cols={2} spacing="xs">
        <DetailField label="webhook-id" value={<Code>{message.messageId}</Code>} />
        <DetailField label={w.messages.columns.eventType} value={<Code>{message.eventType}</Code>} />
        <DetailField label={w.messages.columns.time} value={formatSeoulDateTime(message.createdAt)} />
        <DetailField label={w.messages.columns.status} value={<MessageStatusBadge status={message.status} />} />
        {orderNumber && <DetailField label={w.detail.orderNumber} value={<span data-testid="webhook-order-number">{orderNumber}</span>} />}
        {message.nextAttemptAt && <DetailField label={w.detail.nextAttempt} value={formatSeoulDateTime(message.nextAttemptAt)} />}
      </SimpleGrid>
      <Text fw={600} size="sm">
        {w.detail.attempts}
      </Text>
      {message.attemptLog.length === 0 ? (
        <Text size="sm" c="dimmed">
          {w.detail.noAttempts}
        </Text>
      ) : (
        <DeliveryAttemptTable
          attempts={message.attemptLog}
          labels={{ title: w.detail.attempts, ...w.detail.columns, byStaff: w.detail.byStaff, duration: { header: w.detail.columns.duration, format: w.detail.ms } }}
        />
      )}
      <Group justify="flex-end">
        <Button onClick={send} loading={redeliver.isPending}>
          {w.detail.redeliver}
        </Button>
      </Group>
    </Stack>
  );
}
