import { Alert, Badge, Button, Group, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useRef, useState } from 'react';
import { MAX_TEMPLATE_BODY, type NotificationTemplate } from '../../../../../contracts/notifications';
import { unknownVariables } from '../../../../../domain/buyer-message-render';
import { ApiError, errorMessage } from '../../../app/api/client';
import { useToast } from '../../../app/toast';
import { useResetTemplate, useSaveTemplate } from '../api/templates';
import { useNotificationsI18n } from '../i18n';
import { TemplatePreviewPanel } from './template-preview';

const UNKNOWN_VARIABLE = 'NOTIFICATION_TEMPLATE_UNKNOWN_VARIABLE';
const SUBJECT_REQUIRED = 'NOTIFICATION_TEMPLATE_SUBJECT_REQUIRED';

/**
 * One moment and channel's template: subject (e-mail; an LMS's title), text, 템플릿 코드 (알림톡),
 * variable chips that insert at the cursor, 저장 and 기본값으로 되돌리기; the preview beside it
 * (under it on a phone).
 */
export function TemplateEditor({ template, canEdit }: { template: NotificationTemplate; canEdit: boolean }) {
  const { n } = useNotificationsI18n();
  const toast = useToast();
  const save = useSaveTemplate();
  const reset = useResetTemplate();
  const { moment, channel } = template;
  const [subject, setSubject] = useState(template.subject ?? '');
  const [body, setBody] = useState(template.body);
  const [templateCode, setTemplateCode] = useState(template.templateCode ?? '');
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const hasSubject = channel !== 'alimtalk';
  // the server checks again on 저장; this says it while typing
  const unknown = unknownVariables(`${hasSubject ? subject : ''}\n${body}`, moment);
  const code = save.error instanceof ApiError ? save.error.code : '';
  const serverError = code === UNKNOWN_VARIABLE && save.error ? save.error.message : null;
  const subjectError = code === SUBJECT_REQUIRED && save.error ? save.error.message : null;
  // the server's words (why) and, when it is known here, which variables
  const named = unknown.length > 0 ? n.templates.unknownVariables(unknown) : null;
  const bodyError = [serverError, named].filter(Boolean).join(' ') || null;
  /** An edit makes the last refusal stale: it goes until the next 저장. */
  const edited = () => {
    if (save.error) save.reset();
  };

  /** Puts `#{name}` where the cursor is (or over the selection), then the cursor after it. */
  const insert = (name: string) => {
    const area = bodyRef.current;
    const token = `#{${name}}`;
    const start = area?.selectionStart ?? body.length;
    const end = area?.selectionEnd ?? body.length;
    setBody(body.slice(0, start) + token + body.slice(end));
    edited();
    requestAnimationFrame(() => {
      area?.focus();
      area?.setSelectionRange(start + token.length, start + token.length);
    });
  };
  const submit = () => {
    const request = { body, ...(hasSubject ? { subject: subject.trim() || null } : {}), ...(channel === 'alimtalk' ? { templateCode: templateCode.trim() || null } : {}) };
    save.mutate({ moment, channel, body: request }, { onSuccess: () => toast.success(n.templates.saved) });
  };
  const restore = () =>
    reset.mutate(
      { moment, channel },
      {
        onSuccess: (next) => {
          setSubject(next.subject ?? '');
          setBody(next.body);
          setTemplateCode(next.templateCode ?? '');
          save.reset();
          toast.success(n.templates.resetDone);
        },
        onError: (error) => toast.error(errorMessage(error)),
      },
    );

  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
      <Stack gap="xs">
        <Group gap="xs">
          <Badge variant="light" color={template.isDefault ? 'gray' : 'indigo'} tt="none" data-testid="template-state">
            {template.isDefault ? n.templates.isDefault : n.templates.custom}
          </Badge>
        </Group>
        {hasSubject && <TextInput label={n.templates.subject[channel]} value={subject} onChange={(e) => (setSubject(e.currentTarget.value), edited())} maxLength={200} readOnly={!canEdit} error={subjectError} />}
        <Textarea
          ref={bodyRef}
          label={n.templates.body}
          value={body}
          onChange={(e) => (setBody(e.currentTarget.value), edited())}
          autosize
          minRows={6}
          maxRows={16}
          maxLength={MAX_TEMPLATE_BODY}
          readOnly={!canEdit}
          error={bodyError}
        />
        {canEdit && (
          <Stack gap={4}>
            <Text size="xs" c="dimmed">
              {n.templates.variables}
            </Text>
            <Group gap={4} aria-label={n.templates.variables} role="group">
              {template.variables.map((name) => (
                <Button key={name} size="compact-xs" variant="light" radius="xl" onClick={() => insert(name)} aria-label={n.templates.insert(name)}>
                  {`#{${name}}`}
                </Button>
              ))}
            </Group>
          </Stack>
        )}
        {channel === 'alimtalk' && (
          <TextInput label={n.templates.templateCode} description={n.templates.templateCodeHint} value={templateCode} onChange={(e) => setTemplateCode(e.currentTarget.value)} maxLength={100} readOnly={!canEdit} />
        )}
        {save.error && !serverError && !subjectError && <Alert color="red" role="alert" title={errorMessage(save.error)} />}
        {canEdit && (
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={restore} loading={reset.isPending} disabled={template.isDefault}>
              {n.templates.reset}
            </Button>
            <Button onClick={submit} loading={save.isPending} disabled={!body.trim()}>
              {n.templates.save}
            </Button>
          </Group>
        )}
      </Stack>
      <TemplatePreviewPanel moment={moment} channel={channel} subject={hasSubject ? subject : null} body={body} />
    </SimpleGrid>
  );
}
