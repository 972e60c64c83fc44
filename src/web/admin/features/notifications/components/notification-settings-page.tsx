import { Alert, Anchor, Center, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { errorMessage } from '../../../app/api/client';
import { Link } from '../../../app/router';
import { useMe } from '../../auth/api/me';
import { may } from '../../auth/model/permissions';
import { useNotificationSettings } from '../api/settings';
import { useNotificationsI18n } from '../i18n';
import { ChannelSettings } from './channel-settings';
import { MomentSwitches } from './moment-switches';
import { BUYER_MESSAGES_PATH } from './paths';
import { TemplatesSection } from './templates-section';

/** 알림 설정: which messages go out, through which channels' settings, with which words. */
export function NotificationSettingsPage() {
  const { n } = useNotificationsI18n();
  const me = useMe();
  const query = useNotificationSettings();
  // settings are changed by those with settings.edit (the API answers 403 to others' changes)
  const canEdit = may(me.data, 'settings.edit');
  return (
    <Stack gap="md" maw={1200}>
      <Group justify="space-between" gap="xs">
        <Title order={1} size="h3">
          {n.settings.title}
        </Title>
        <Anchor component={Link} to={BUYER_MESSAGES_PATH} size="sm">
          {n.settings.messagesLink}
        </Anchor>
      </Group>
      <Text size="sm" c="dimmed">
        {n.settings.hint}
      </Text>
      {!canEdit && <Alert color="gray" title={n.settings.readOnly} />}
      {query.isPending ? (
        <Center py="xl">
          <Loader aria-label={n.settings.loading} />
        </Center>
      ) : query.isError ? (
        <Alert color="red" role="alert" title={errorMessage(query.error)} />
      ) : (
        <>
          <MomentSwitches settings={query.data} canEdit={canEdit} />
          <ChannelSettings settings={query.data} canEdit={canEdit} />
          <TemplatesSection canEdit={canEdit} />
        </>
      )}
    </Stack>
  );
}
