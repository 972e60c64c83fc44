import { Alert, Button, Checkbox, Code, CopyButton, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { MAX_API_KEY_NAME, type CreatedApiKey } from '../../../../../contracts/api-keys';
import { API_SCOPES, type ApiScope } from '../../../../../contracts/permissions';
import { errorMessage } from '../../../app/api/client';
import { useCreateApiKey } from '../api/create-key';
import { useApiKeysI18n } from '../i18n';

/**
 * API 키 발급: a name and the scopes (each with what it allows); then the secret, shown this once
 * with a copy button and a warning — closing the dialog forgets it.
 */
export function CreateKeyModal({ onClose }: { onClose: () => void }) {
  const { k, t } = useApiKeysI18n();
  const create = useCreateApiKey();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<ApiScope[]>([]);
  const [tried, setTried] = useState(false);
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const submit = () => {
    setTried(true);
    if (!name.trim() || scopes.length === 0) return;
    create.mutate({ name: name.trim(), scopes }, { onSuccess: setCreated });
  };
  const title = created ? k.create.secretTitle : k.create.title;
  return (
    <Modal opened onClose={onClose} title={title} size="lg" closeOnClickOutside={!created} closeButtonProps={{ 'aria-label': t.common.close }}>
      {created ? (
        <Stack gap="sm">
          <Alert color="orange" role="alert">
            {k.create.secretWarning}
          </Alert>
          <Group wrap="nowrap" gap="xs">
            <Code data-testid="api-key-secret" style={{ wordBreak: 'break-all', flex: 1 }}>
              {created.secret}
            </Code>
            <CopyButton value={created.secret}>
              {({ copied, copy }) => (
                <Button size="xs" variant="default" onClick={copy}>
                  {copied ? k.create.copied : k.create.copy}
                </Button>
              )}
            </CopyButton>
          </Group>
          <Group justify="flex-end">
            <Button onClick={onClose}>{k.create.done}</Button>
          </Group>
        </Stack>
      ) : (
        <Stack gap="sm">
          <TextInput
            label={k.create.name}
            placeholder={k.create.namePlaceholder}
            value={name}
            maxLength={MAX_API_KEY_NAME}
            onChange={(e) => setName(e.currentTarget.value)}
            error={tried && !name.trim() ? k.create.name : undefined}
            required
            data-autofocus
          />
          <Checkbox.Group label={k.create.scopes} description={k.create.scopesHint} value={scopes} onChange={(v) => setScopes(API_SCOPES.filter((s) => v.includes(s)))} error={tried && scopes.length === 0 ? k.create.scopesRequired : undefined}>
            <Stack gap="xs" mt="xs">
              {API_SCOPES.map((scope) => (
                <Checkbox key={scope} value={scope} label={k.scopeLabels[scope]} description={k.scopeAllows[scope]} />
              ))}
            </Stack>
          </Checkbox.Group>
          {create.isError && <Alert color="red" role="alert" title={errorMessage(create.error)} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {k.cancel}
            </Button>
            <Button onClick={submit} loading={create.isPending}>
              {k.create.submit}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
