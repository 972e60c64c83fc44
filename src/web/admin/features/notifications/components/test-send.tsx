import { Alert, Anchor, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { MESSAGE_CHANNELS, type MessageChannel } from '../../../../../domain/buyer-message-moments';
import { errorMessage } from '../../../app/api/client';
import { Link } from '../../../app/router';
import { useTestSend } from '../api/settings';
import { useNotificationsI18n } from '../i18n';
import { BUYER_MESSAGES_PATH } from './paths';

/** 테스트 발송: one message through a channel's settings now; what happened is shown under it, not in a passing toast. */
export function TestSend() {
  const { n, channelLabel } = useNotificationsI18n();
  const send = useTestSend();
  const [channel, setChannel] = useState<MessageChannel>('email');
  const [to, setTo] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (to.trim()) send.mutate({ channel, to: to.trim() });
  };
  const outcome = send.data;
  return (
    <form onSubmit={submit} noValidate aria-label={n.testSend.title}>
      <Stack gap="xs" mt="lg">
        <Text fw={600}>{n.testSend.title}</Text>
        <Group align="flex-end" gap="xs" wrap="wrap">
          <Select
            label={n.testSend.channel}
            data={MESSAGE_CHANNELS.map((value) => ({ value, label: channelLabel(value) }))}
            value={channel}
            onChange={(value) => value && setChannel(value as MessageChannel)}
            allowDeselect={false}
            w={140}
          />
          <TextInput
            label={n.testSend.to}
            value={to}
            onChange={(e) => setTo(e.currentTarget.value)}
            placeholder={n.testSend.toPlaceholder[channel]}
            inputMode={channel === 'email' ? 'email' : 'tel'}
            style={{ flex: '1 1 200px' }}
          />
          <Button type="submit" loading={send.isPending} disabled={!to.trim()}>
            {n.testSend.send}
          </Button>
        </Group>
        {send.isError && <Alert color="red" role="alert" title={errorMessage(send.error)} />}
        {outcome && (
          <Alert color={outcome.status === 'delivered' ? 'teal' : outcome.status === 'failed' ? 'red' : 'yellow'} role="status" title={n.testSend.outcome[outcome.status]} data-testid="test-send-outcome">
            {outcome.transport && <Text size="sm">{n.testSend.via(n.messages.transport[outcome.transport] ?? outcome.transport)}</Text>}
            {outcome.error && <Text size="sm">{outcome.error}</Text>}
            {outcome.transport === 'development' && (
              <Text size="sm">
                {n.detail.developmentBanner}{' '}
                <Anchor component={Link} to={`${BUYER_MESSAGES_PATH}?transport=development`} size="sm">
                  {n.messages.transport.development}
                </Anchor>
              </Text>
            )}
          </Alert>
        )}
      </Stack>
    </form>
  );
}
