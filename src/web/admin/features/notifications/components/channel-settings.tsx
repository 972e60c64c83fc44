import { Alert, Badge, Button, Card, Group, NumberInput, PasswordInput, SimpleGrid, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent, type ReactNode } from 'react';
import type { NotificationSettings, UpdateNotificationSettingsRequest } from '../../../../../contracts/notifications';
import { errorMessage } from '../../../app/api/client';
import { useToast } from '../../../app/toast';
import { useUpdateNotificationSettings } from '../api/settings';
import { useNotificationsI18n } from '../i18n';
import { TestSend } from './test-send';

type Source = NotificationSettings['email']['source'];

/** 채널 설정: SMTP for e-mail, Solapi for 알림톡 and 문자, each with where its settings come from; then 테스트 발송. */
export function ChannelSettings({ settings, canEdit }: { settings: NotificationSettings; canEdit: boolean }) {
  const { n } = useNotificationsI18n();
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="channel-settings-title">
      <Title order={2} size="h4" id="channel-settings-title" mb="sm">
        {n.channels.title}
      </Title>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        {/* keyed by source: after 지우기 the form shows what now applies */}
        <EmailForm key={settings.email.source} email={settings.email} canEdit={canEdit} />
        <MessagingForm key={settings.messaging.source} messaging={settings.messaging} canEdit={canEdit} />
      </SimpleGrid>
      {canEdit && <TestSend />}
    </Card>
  );
}

function SourceBadge({ source }: { source: Source }) {
  const { n } = useNotificationsI18n();
  const color = source === 'shop' ? 'teal' : source === 'environment' ? 'blue' : 'gray';
  return (
    <Badge color={color} variant="light" tt="none" style={{ whiteSpace: 'normal', height: 'auto' }} data-testid="setting-source">
      {n.channels.source[source]}
    </Badge>
  );
}

/** One channel's form: its title and source, the fields, the server's refusal, 저장 and (for the shop's own) 지우기. */
function ChannelForm(props: { title: string; source: Source; canEdit: boolean; onSubmit: () => void; onClear: () => void; pending: boolean; error: Error | null; children: ReactNode }) {
  const { n } = useNotificationsI18n();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onSubmit();
  };
  return (
    <form onSubmit={submit} noValidate aria-label={props.title}>
      <Stack gap="xs">
        <Group justify="space-between" gap="xs">
          <Text fw={600}>{props.title}</Text>
          <SourceBadge source={props.source} />
        </Group>
        <fieldset disabled={!props.canEdit} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
          <Stack gap="xs">{props.children}</Stack>
        </fieldset>
        {props.error && <Alert color="red" role="alert" title={errorMessage(props.error)} />}
        {props.canEdit && (
          <Group justify="flex-end" gap="xs">
            {props.source === 'shop' && (
              <Button variant="subtle" color="red" onClick={props.onClear} disabled={props.pending}>
                {n.channels.clear}
              </Button>
            )}
            <Button type="submit" loading={props.pending}>
              {n.channels.save}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}

/** Saves one channel's part; the toast says which. */
function useSaveChannel() {
  const { n } = useNotificationsI18n();
  const toast = useToast();
  const update = useUpdateNotificationSettings();
  const save = (body: UpdateNotificationSettingsRequest, cleared = false) => update.mutate(body, { onSuccess: () => toast.success(cleared ? n.channels.cleared : n.channels.saved) });
  return { save, pending: update.isPending, error: update.error };
}

const orNull = (value: string) => (value.trim() ? value.trim() : null);

function EmailForm({ email, canEdit }: { email: NotificationSettings['email']; canEdit: boolean }) {
  const { n } = useNotificationsI18n();
  const e = n.channels.email;
  const { save, pending, error } = useSaveChannel();
  const [host, setHost] = useState(email.host ?? '');
  const [port, setPort] = useState<number | string>(email.port ?? 587);
  const [secure, setSecure] = useState(email.secure);
  const [user, setUser] = useState(email.user ?? '');
  // write-only: empty keeps the one set
  const [password, setPassword] = useState('');
  const [from, setFrom] = useState(email.from ?? '');
  const submit = () =>
    save({ email: { host: host.trim(), port: Number(port), secure, user: orNull(user), ...(password ? { password } : {}), from: from.trim() } });
  return (
    <ChannelForm title={e.title} source={email.source} canEdit={canEdit} onSubmit={submit} onClear={() => save({ email: null }, true)} pending={pending} error={error}>
      <Group grow align="flex-start" gap="xs">
        <TextInput label={e.host} value={host} onChange={(ev) => setHost(ev.currentTarget.value)} placeholder="smtp.example.com" style={{ flexGrow: 3 }} />
        <NumberInput label={e.port} value={port} onChange={setPort} min={1} max={65535} allowDecimal={false} hideControls style={{ flexGrow: 1 }} />
      </Group>
      <Switch label={e.secure} description={e.secureHint} checked={secure} onChange={(ev) => setSecure(ev.currentTarget.checked)} />
      <TextInput label={e.user} value={user} onChange={(ev) => setUser(ev.currentTarget.value)} autoComplete="off" />
      <PasswordInput
        label={e.password}
        value={password}
        onChange={(ev) => setPassword(ev.currentTarget.value)}
        placeholder={email.passwordSet ? n.channels.secretSet : ''}
        description={email.passwordSet ? n.channels.secretKeepHint : undefined}
        autoComplete="new-password"
      />
      <TextInput label={e.from} value={from} onChange={(ev) => setFrom(ev.currentTarget.value)} placeholder={e.fromPlaceholder} />
    </ChannelForm>
  );
}

function MessagingForm({ messaging, canEdit }: { messaging: NotificationSettings['messaging']; canEdit: boolean }) {
  const { n } = useNotificationsI18n();
  const m = n.channels.messaging;
  const { save, pending, error } = useSaveChannel();
  const [apiKey, setApiKey] = useState(messaging.apiKey ?? '');
  const [apiSecret, setApiSecret] = useState('');
  const [sender, setSender] = useState(messaging.sender ?? '');
  const [pfId, setPfId] = useState(messaging.pfId ?? '');
  const submit = () => save({ messaging: { apiKey: apiKey.trim(), ...(apiSecret.trim() ? { apiSecret: apiSecret.trim() } : {}), sender: sender.trim(), pfId: orNull(pfId) } });
  return (
    <ChannelForm title={m.title} source={messaging.source} canEdit={canEdit} onSubmit={submit} onClear={() => save({ messaging: null }, true)} pending={pending} error={error}>
      <TextInput label={m.apiKey} value={apiKey} onChange={(ev) => setApiKey(ev.currentTarget.value)} autoComplete="off" />
      <PasswordInput
        label={m.apiSecret}
        value={apiSecret}
        onChange={(ev) => setApiSecret(ev.currentTarget.value)}
        placeholder={messaging.apiSecretSet ? n.channels.secretSet : ''}
        description={messaging.apiSecretSet ? n.channels.secretKeepHint : undefined}
        autoComplete="new-password"
      />
      <TextInput label={m.sender} description={m.senderHint} value={sender} onChange={(ev) => setSender(ev.currentTarget.value)} inputMode="tel" placeholder="02-1234-5678" />
      <TextInput label={m.pfId} description={m.pfIdHint} value={pfId} onChange={(ev) => setPfId(ev.currentTarget.value)} autoComplete="off" />
    </ChannelForm>
  );
}
