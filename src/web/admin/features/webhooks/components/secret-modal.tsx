import { Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { WebhookEndpoint } from '../../../../../contracts/webhooks';
import { errorMessage } from '../../../app/api/client';
import { useToast } from '../../../app/toast';
import { useRotateWebhookSecret } from '../api/rotate-secret';
import { useWebhooksI18n } from '../i18n';

/** 비밀키 보기: the `whsec_…` secret to copy, and 비밀키 재발급 behind a confirmation. */
export function SecretModal({ endpoint, onClose }: { endpoint: WebhookEndpoint; onClose: () => void }) {
  const { w, t } = useWebhooksI18n();
  const toast = useToast();
  const rotate = useRotateWebhookSecret();
  const [secret, setSecret] = useState(endpoint.secret);
  const [confirming, setConfirming] = useState(false);
  const doRotate = () =>
    rotate.mutate(endpoint.id, {
      onSuccess: (next) => {
        setSecret(next.secret);
        setConfirming(false);
        toast.success(w.rotated);
      },
      onError: (error) => toast.error(errorMessage(error)),
    });
  return (
    <Modal opened onClose={onClose} title={w.secretTitle} size="lg" closeButtonProps={{ 'aria-label': t.common.close }}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {w.secretHint}
        </Text>
        <Text size="sm" fw={500}>
          {endpoint.url}
        </Text>
        <Group wrap="nowrap" gap="xs">
          <Code data-testid="webhook-secret" style={{ wordBreak: 'break-all', flex: 1 }}>
            {secret}
          </Code>
          <CopyButton value={secret}>
            {({ copied, copy }) => (
              <Button size="xs" variant="default" onClick={copy}>
                {copied ? w.copied : w.copy}
              </Button>
            )}
          </CopyButton>
        </Group>
        {confirming ? (
          <Stack gap="xs" role="alertdialog" aria-label={w.rotate}>
            <Text size="sm" c="red.8">
              {w.rotateConfirm}
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirming(false)}>
                {w.cancel}
              </Button>
              <Button color="red" onClick={doRotate} loading={rotate.isPending}>
                {w.rotate}
              </Button>
            </Group>
          </Stack>
        ) : (
          <Group justify="flex-end">
            <Button variant="light" color="red" onClick={() => setConfirming(true)}>
              {w.rotate}
            </Button>
          </Group>
        )}
      </Stack>
    </Modal>
  );
}
