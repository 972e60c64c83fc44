import { Alert, Badge, Button, Card, Code, CopyButton, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { ShopSettings } from '../../../../../contracts/settings';
import { errorMessage } from '../../../app/api/client';
import { useRotateHandoffSecret } from '../api/settings';
import { useShopSettingsI18n } from '../i18n';

/**
 * 회원 연동 비밀값: whether the storefront's member hand-off secret is set; the owner makes or
 * replaces it and sees the new one this once (it lives only in this component's state).
 */
export function HandoffSection({ settings, canEdit }: { settings: ShopSettings; canEdit: boolean }) {
  const { s } = useShopSettingsI18n();
  const rotate = useRotateHandoffSecret();
  const [shown, setShown] = useState<string | null>(null);
  const set = settings.handoffSecret.set;
  const run = () => {
    if (set && !window.confirm(s.handoff.confirmRotate)) return;
    rotate.mutate(undefined, { onSuccess: ({ secret }) => setShown(secret) });
  };
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="shop-handoff">
      <Stack gap="xs">
        <Group gap="xs">
          <Title order={2} size="h4" id="shop-handoff">
            {s.handoff.title}
          </Title>
          <Badge variant="light" color={set ? 'teal' : 'gray'} tt="none">
            {set ? s.handoff.set : s.handoff.notSet}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {canEdit ? s.handoff.hint : s.handoff.ownerOnly}
        </Text>
        {shown && (
          <Alert color="yellow" title={s.handoff.shownOnce}>
            <Group gap="xs" wrap="nowrap">
              <Code style={{ wordBreak: 'break-all' }} data-testid="handoff-secret">
                {shown}
              </Code>
              <CopyButton value={shown}>{({ copied, copy }) => <Button size="xs" variant="default" onClick={copy}>{copied ? s.copied : s.copy}</Button>}</CopyButton>
            </Group>
          </Alert>
        )}
        {rotate.error && <Alert color="red" role="alert" title={errorMessage(rotate.error)} />}
        {canEdit && (
          <Group justify="flex-end">
            <Button variant={set ? 'default' : 'filled'} onClick={run} loading={rotate.isPending}>
              {set ? s.handoff.rotate : s.handoff.make}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}
