import { Alert, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { errorMessage } from '../../../app/api/client';
import { useShopSettingsI18n } from '../i18n';

/**
 * One section of 쇼핑몰 설정 as its own form: a title, the fields (disabled for those who may not
 * change them), the server's refusal in its own words, and 저장 — each section saves alone, so a
 * refused value in one never holds back another.
 */
export function SectionForm(props: { id: string; title: string; hint?: string; canEdit: boolean; pending: boolean; error: Error | null; onSubmit: () => void; children: ReactNode; extra?: ReactNode }) {
  const { s } = useShopSettingsI18n();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onSubmit();
  };
  return (
    <Card withBorder padding="md" component="section" aria-labelledby={props.id}>
      <form onSubmit={submit} noValidate>
        <Stack gap="xs">
          <Title order={2} size="h4" id={props.id}>
            {props.title}
          </Title>
          {props.hint && (
            <Text size="sm" c="dimmed">
              {props.hint}
            </Text>
          )}
          <fieldset disabled={!props.canEdit} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
            <Stack gap="xs">{props.children}</Stack>
          </fieldset>
          {props.error && <Alert color="red" role="alert" title={errorMessage(props.error)} />}
          {props.canEdit && (
            <Group justify="flex-end" gap="xs">
              {props.extra}
              <Button type="submit" loading={props.pending}>
                {s.save}
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Card>
  );
}
