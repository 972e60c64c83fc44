import { Card, Switch, Table, Text, Title } from '@mantine/core';
import type { NotificationSettings } from '../../../../../contracts/notifications';
import { BUYER_MOMENTS, MESSAGE_CHANNELS } from '../../../../../domain/buyer-message-moments';
import { errorMessage } from '../../../app/api/client';
import { useToast } from '../../../app/toast';
import { useToggleMomentSwitch } from '../api/settings';
import { useNotificationsI18n } from '../i18n';

/** 보낼 알림: one switch per moment and channel, each saved as it is turned (no save button to forget). */
export function MomentSwitches({ settings, canEdit }: { settings: NotificationSettings; canEdit: boolean }) {
  const { n, momentLabel, channelLabel } = useNotificationsI18n();
  const toast = useToast();
  const toggle = useToggleMomentSwitch();
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="moment-switches-title">
      <Title order={2} size="h4" id="moment-switches-title">
        {n.switches.title}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {n.switches.hint}
      </Text>
      <Table aria-label={n.switches.title} verticalSpacing={6} horizontalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{n.switches.moment}</Table.Th>
            {MESSAGE_CHANNELS.map((channel) => (
              <Table.Th key={channel} ta="center" w={72}>
                {channelLabel(channel)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {BUYER_MOMENTS.map((moment) => (
            <Table.Tr key={moment}>
              <Table.Td>
                <Text size="sm">{momentLabel(moment)}</Text>
              </Table.Td>
              {MESSAGE_CHANNELS.map((channel) => (
                <Table.Td key={channel}>
                  <Switch
                    styles={{ body: { justifyContent: 'center' } }}
                    checked={settings.moments[moment]?.[channel] ?? false}
                    disabled={!canEdit}
                    aria-label={n.switches.label(momentLabel(moment), channelLabel(channel))}
                    onChange={(e) => toggle.mutate({ moment, channel, on: e.currentTarget.checked }, { onError: (error) => toast.error(errorMessage(error)) })}
                  />
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}
