import { Badge } from '@mantine/core';
import type { BuyerMessage } from '../../../../../contracts/notifications';
import { useNotificationsI18n } from '../i18n';

const COLORS: Record<BuyerMessage['status'], string> = { delivered: 'teal', pending: 'yellow', failed: 'red' };

/** 발송완료 / 대기 중 / 실패, one colour each; a kept (development) message says so beside it. */
export function BuyerMessageStatusBadge({ message }: { message: Pick<BuyerMessage, 'status' | 'transport'> }) {
  const { n } = useNotificationsI18n();
  return (
    <>
      <Badge color={COLORS[message.status]} variant="light" tt="none">
        {n.messages.status[message.status]}
      </Badge>
      {message.transport === 'development' && (
        <Badge color="gray" variant="outline" tt="none" ml={4}>
          {n.messages.transport.development}
        </Badge>
      )}
    </>
  );
}
