import { Alert, Button, Group, Modal, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useI18n } from '../../../app/i18n';

export interface NameModalProps {
  opened: boolean;
  title: string;
  label: string;
  initialName?: string;
  pending: boolean;
  error: string | null;
  onSubmit(name: string): void;
  onClose(): void;
}

/** Asks for a name (a new tab, a renamed tab, a saved filter); the server's refusal shows in words. */
export function NameModal({ opened, title, label, initialName = '', pending, error, onSubmit, onClose }: NameModalProps) {
  const { t } = useI18n();
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered>
      {/* keyed so each opening starts from the given name */}
      {opened && <NameForm key={initialName} label={label} initialName={initialName} pending={pending} error={error} onSubmit={onSubmit} onClose={onClose} saveLabel={t.common.save} cancelLabel={t.common.cancel} />}
    </Modal>
  );
}

function NameForm(props: Omit<NameModalProps, 'opened' | 'title'> & { saveLabel: string; cancelLabel: string }) {
  const [name, setName] = useState(props.initialName ?? '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim()) props.onSubmit(name.trim());
  };
  return (
    <form onSubmit={submit}>
      {props.error && (
        <Alert color="red" role="alert" mb="sm">
          {props.error}
        </Alert>
      )}
      <TextInput label={props.label} value={name} onChange={(e) => setName(e.currentTarget.value)} maxLength={30} required data-autofocus />
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={props.onClose}>
          {props.cancelLabel}
        </Button>
        <Button type="submit" loading={props.pending} disabled={!name.trim()}>
          {props.saveLabel}
        </Button>
      </Group>
    </form>
  );
}
