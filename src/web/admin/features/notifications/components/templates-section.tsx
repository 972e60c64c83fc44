import { Alert, Badge, Card, Center, Group, Loader, Select, Tabs, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { BUYER_MOMENTS, MESSAGE_CHANNELS, type BuyerMoment, type MessageChannel } from '../../../../../domain/buyer-message-moments';
import { errorMessage } from '../../../app/api/client';
import { useNotificationTemplates } from '../api/templates';
import { useNotificationsI18n } from '../i18n';
import { TemplateEditor } from './template-editor';

/** 메시지 템플릿: a moment at a time, a tab per channel, the editor beside its live preview. */
export function TemplatesSection({ canEdit }: { canEdit: boolean }) {
  const { n, momentLabel, channelLabel } = useNotificationsI18n();
  const query = useNotificationTemplates();
  const [moment, setMoment] = useState<BuyerMoment>('order_received');
  const [channel, setChannel] = useState<MessageChannel>('alimtalk');
  const find = (c: MessageChannel) => query.data?.find((t) => t.moment === moment && t.channel === c);
  const template = find(channel);
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="templates-title">
      <Title order={2} size="h4" id="templates-title">
        {n.templates.title}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {n.templates.hint}
      </Text>
      <Select
        label={n.templates.moment}
        data={BUYER_MOMENTS.map((value) => ({ value, label: momentLabel(value) }))}
        value={moment}
        onChange={(value) => value && setMoment(value as BuyerMoment)}
        allowDeselect={false}
        maw={320}
        mb="sm"
      />
      {query.isPending ? (
        <Center py="lg">
          <Loader size="sm" aria-label={n.settings.loading} />
        </Center>
      ) : query.isError ? (
        <Alert color="red" role="alert" title={errorMessage(query.error)} />
      ) : (
        <Tabs value={channel} onChange={(value) => value && setChannel(value as MessageChannel)} keepMounted={false}>
          <Tabs.List>
            {MESSAGE_CHANNELS.map((c) => (
              <Tabs.Tab key={c} value={c}>
                <Group gap={6} wrap="nowrap">
                  {channelLabel(c)}
                  {find(c)?.isDefault === false && (
                    <Badge size="xs" variant="light" tt="none">
                      {n.templates.custom}
                    </Badge>
                  )}
                </Group>
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {MESSAGE_CHANNELS.map((c) => (
            <Tabs.Panel key={c} value={c} pt="sm">
              {c === channel && template && <TemplateEditor key={`${moment}:${channel}`} template={template} canEdit={canEdit} />}
            </Tabs.Panel>
          ))}
        </Tabs>
      )}
    </Card>
  );
}
