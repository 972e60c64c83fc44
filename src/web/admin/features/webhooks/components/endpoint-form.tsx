import { Alert, Button, Checkbox, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { WEBHOOK_EVENT_TYPES, type WebhookEndpoint, type WebhookEventType } from '../../../../../contracts/webhooks';
import { ApiError, errorMessage } from '../../../app/api/client';
import { useToast } from '../../../app/toast';
import { useCreateWebhookEndpoint, useUpdateWebhookEndpoint } from '../api/save-endpoint';
import { useWebhooksI18n } from '../i18n';

/** 엔드포인트 추가 / 수정: URL, description and the event types; the server's refusal shown in the form. */
export function EndpointFormModal({ endpoint, onClose }: { endpoint: WebhookEndpoint | null; onClose: () => void }) {
  const { w, t } = useWebhooksI18n();
  const toast = useToast();
  const create = useCreateWebhookEndpoint();
  const update = useUpdateWebhookEndpoint();
  const [url, setUrl] = useState(endpoint?.url ?? '');
  const [description, setDescription] = useState(endpoint?.description ?? '');
  const [eventTypes, setEventTypes] = useState<WebhookEventType[]>(endpoint?.eventTypes ?? []);
  const mutation = endpoint ? update : create;
  const error = mutation.error;
  const code = error instanceof ApiError ? error.code : '';
  const urlError = code.startsWith('WEBHOOK_URL') && error ? error.message : undefined;
  const typesError = code === 'WEBHOOK_EVENT_TYPES_REQUIRED' && error ? error.message : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = { url: url.trim(), description: description.trim(), eventTypes };
    if (endpoint) {
      update.mutate({ endpointId: endpoint.id, body }, { onSuccess: () => (toast.success(w.saved), onClose()) });
    } else {
      create.mutate(body, { onSuccess: () => (toast.success(w.added), onClose()) });
    }
  };
  const toggle = (type: WebhookEventType, checked: boolean) => setEventTypes((list) => (checked ? [...list, type] : list.filter((t) => t !== type)));

  return (
    <Modal opened onClose={onClose} title={endpoint ? w.editTitle : w.addTitle} size="lg" closeButtonProps={{ 'aria-label': t.common.close }}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput label={w.url} value={url} onChange={(e) => setUrl(e.currentTarget.value)} required placeholder="https://" error={urlError} data-autofocus />
          <TextInput label={w.description} value={description} onChange={(e) => setDescription(e.currentTarget.value)} maxLength={200} />
          <Checkbox.Group label={w.eventTypes} value={eventTypes} error={typesError}>
            <Stack gap={6} mt={6}>
              {WEBHOOK_EVENT_TYPES.map((type) => (
                <Checkbox
                  key={type}
                  value={type}
                  checked={eventTypes.includes(type)}
                  onChange={(e) => toggle(type, e.currentTarget.checked)}
                  label={
                    <Text size="sm" component="span">
                      {w.eventNames[type]}{' '}
                      <Text span c="dimmed" ff="monospace" size="xs">
                        {type}
                      </Text>
                    </Text>
                  }
                />
              ))}
            </Stack>
          </Checkbox.Group>
          {error && !urlError && !typesError && <Alert color="red" role="alert" title={errorMessage(error)} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {w.cancel}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {endpoint ? w.save : w.add}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
