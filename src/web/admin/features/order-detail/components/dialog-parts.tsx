import { Alert, Button, Group, Modal, Stack, Stepper, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { errorMessage } from '../../../app/api/client';
import { usePhone } from '../../../app/use-phone';
import { isVersionConflict } from '../hooks/conflict';
import { ConflictChanges } from './conflict-banner';
import { useReloadOrder } from '../hooks/reload';
import { useDetailI18n } from '../i18n';

/**
 * The frame of every detail dialog. Dialogs are mounted only while open, so each opening starts
 * fresh and captures the order version it is based on.
 */
export function DetailModal({ title, onClose, size = 'lg', children }: { title: string; onClose(): void; size?: string; children: ReactNode }) {
  return (
    <Modal opened onClose={onClose} title={title} size={size} centered closeOnClickOutside={false} styles={{ title: { fontWeight: 700 } }}>
      {children}
    </Modal>
  );
}

/**
 * Where a multi-step dialog stands (select → details → 금액 계산 → confirm); moving is by 다음/이전.
 * On a phone only the current step is named, so the four fit on one line.
 */
export function Steps({ labels, active }: { labels: readonly string[]; active: number }) {
  const phone = usePhone();
  return (
    <Stepper active={active} size="xs" mb="md" allowNextStepsSelect={false}>
      {labels.map((label, n) => (
        <Stepper.Step key={label} label={phone && n !== active ? undefined : label} aria-label={phone ? label : undefined} aria-current={labels[active] === label ? 'step' : undefined} />
      ))}
    </Stepper>
  );
}

/**
 * A refusal in words. A stale version says so and offers 새로고침 (which closes the dialog: what
 * it was about may have changed); nothing is retried silently.
 */
export function MutationError({ error, orderId, onReloaded }: { error: unknown; orderId: number; onReloaded?: () => void }) {
  const { d } = useDetailI18n();
  const reload = useReloadOrder(orderId);
  if (!error) return null;
  if (isVersionConflict(error)) {
    return (
      <Alert color="orange" role="alert" title={d.conflict.title} mb="sm">
        <Stack gap="xs">
          <Text size="sm">{d.conflict.body}</Text>
          <ConflictChanges orderId={orderId} />
          <div>
            <Button
              size="xs"
              color="orange"
              onClick={() => {
                void reload();
                onReloaded?.();
              }}
            >
              {d.conflict.reload}
            </Button>
          </div>
        </Stack>
      </Alert>
    );
  }
  return (
    <Alert color="red" role="alert" mb="sm">
      {errorMessage(error)}
    </Alert>
  );
}

/** 이전 / 다음 (or the final action) at the bottom of a step. */
export function StepButtons({
  onBack,
  onNext,
  nextLabel,
  nextDisabled,
  pending,
  backLabel,
}: {
  onBack?: () => void;
  onNext(): void;
  nextLabel: string;
  nextDisabled?: boolean;
  pending?: boolean;
  backLabel?: string;
}) {
  const { d } = useDetailI18n();
  return (
    <Group justify="space-between" mt="lg">
      {onBack ? (
        <Button variant="default" onClick={onBack} disabled={pending}>
          {backLabel ?? d.dialog.back}
        </Button>
      ) : (
        <span />
      )}
      <Button onClick={onNext} disabled={nextDisabled} loading={pending}>
        {nextLabel}
      </Button>
    </Group>
  );
}
