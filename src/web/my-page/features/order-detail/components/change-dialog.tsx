import { Alert, Button, Group, Modal, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { errorMessage } from '../../../app/api/client';
import { useI18n } from '../../../app/i18n';
import { useCompact } from '../../../app/use-compact';

/**
 * The frame of every request dialog: the whole screen on a phone, a form whose submit button sends
 * the change, the server's refusal in its own words above the buttons.
 */
export function ChangeDialog({
  title,
  submitLabel,
  submitColor,
  onSubmit,
  onClose,
  pending,
  error,
  children,
}: {
  title: string;
  submitLabel: string;
  submitColor?: string;
  onSubmit(): void;
  onClose(): void;
  pending: boolean;
  error: unknown;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const compact = useCompact();
  return (
    <Modal opened onClose={onClose} title={title} fullScreen={compact} size="lg" closeButtonProps={{ 'aria-label': t.common.close }}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!pending) onSubmit();
        }}
      >
        <Stack gap="md">
          {children}
          {error !== null && error !== undefined && (
            <Alert color="red" role="alert">
              {errorMessage(error)}
            </Alert>
          )}
          <Group justify="flex-end" gap="xs" grow={compact}>
            <Button variant="default" onClick={onClose}>
              {t.common.close}
            </Button>
            <Button type="submit" loading={pending} color={submitColor}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
