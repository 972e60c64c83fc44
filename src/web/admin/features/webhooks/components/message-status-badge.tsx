import { Badge } from '@mantine/core';
import type { WebhookMessage } from '../../../../../contracts/webhooks';
import { useWebhooksI18n } from '../i18n';

const COLORS: Record<WebhookMessage['status'], string> = { delivered: 'teal', pending: 'yellow', failed: 'red' };

/** 전송완료 / 재시도 대기 / 실패, one colour each. */
export function MessageStatusBadge({ status }: { status: WebhookMessage['status'] }) {
  const { w } = useWebhooksI18n();
  return (
    <Badge color={COLORS[status]} variant="light">
      {w.messages.status[status]}
    </Badge>
  );
}
