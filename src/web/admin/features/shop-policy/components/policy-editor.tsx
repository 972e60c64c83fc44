import { Alert, Button, Card, Group, NumberInput, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import type { ShopPolicyVersionDto } from '../../../../../contracts/settings-policy';
import { errorMessage } from '../../../app/api/client';
import { formatSeoulDateTime } from '../../../app/format';
import { useToast } from '../../../app/toast';
import { useSaveShopPolicy } from '../api/policy';
import { useShopPolicyI18n } from '../i18n';
import { formValuesOf, policyOfForm, samePolicy, type PolicyField, type PolicyFormValues } from '../model/policy-form';
import { PolicyPreview } from './policy-preview';

/** The policy's fields in three groups, the sample cart's preview, and 저장 with what it applies to. */
export function PolicyEditor({ version, canEdit }: { version: ShopPolicyVersionDto; canEdit: boolean }) {
  const { p } = useShopPolicyI18n();
  const toast = useToast();
  const save = useSaveShopPolicy();
  const [values, setValues] = useState<PolicyFormValues>(() => formValuesOf(version.policy));
  const [showErrors, setShowErrors] = useState(false);
  const result = policyOfForm(values, p.required);
  const changed = !result.ok || !samePolicy(result.policy, version.policy);
  const errors = result.ok ? {} : result.errors;

  const field = (name: PolicyField, label: string, unit: 'won' | 'days', description?: string) => (
    <NumberInput
      label={label}
      description={description}
      value={values[name]}
      onChange={(v) => setValues((current) => ({ ...current, [name]: typeof v === 'number' ? v : v === '' ? '' : Number(v) }))}
      error={showErrors || values[name] !== '' ? errors[name] : undefined}
      thousandSeparator={unit === 'won' ? ',' : undefined}
      allowDecimal={false}
      rightSection={<Text size="xs" c="dimmed">{unit === 'won' ? p.won : p.days}</Text>}
      rightSectionWidth={44}
      readOnly={!canEdit}
    />
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setShowErrors(true);
    if (!result.ok) return;
    save.mutate(result.policy, { onSuccess: (answer) => toast.success(answer.changed ? p.saved : p.unchanged) });
  };
  const when = formatSeoulDateTime(version.setAt);
  return (
    <form onSubmit={submit} noValidate aria-label={p.title}>
      <Stack gap="md">
        <Text size="sm" data-testid="policy-version">
          {p.current(when, version.setBy?.name ?? null)}
        </Text>
        <Section title={p.shipping.title} hint={p.shipping.remoteHint}>
          {field('baseFee', p.shipping.baseFee, 'won')}
          {field('freeThreshold', p.shipping.freeThreshold, 'won', p.shipping.freeThresholdHint)}
          {field('jejuFee', p.shipping.jejuFee, 'won')}
          {field('islandFee', p.shipping.islandFee, 'won')}
        </Section>
        <Section title={p.returns.title}>
          {field('returnShippingFee', p.returns.returnShippingFee, 'won', p.returns.returnShippingFeeHint)}
          {field('returnWindowDays', p.returns.returnWindowDays, 'days', p.returns.returnWindowDaysHint)}
        </Section>
        <Section title={p.automatic.title}>
          {field('autoConfirmDays', p.automatic.autoConfirmDays, 'days', p.automatic.autoConfirmDaysHint)}
          {field('unpaidCancelDays', p.automatic.unpaidCancelDays, 'days', p.automatic.unpaidCancelDaysHint)}
        </Section>
        <PolicyPreview edited={result.ok ? result.policy : null} />
        {canEdit && (
          <Stack gap="xs">
            <Alert color="blue" variant="light" data-testid="policy-applies-from">
              {p.appliesFrom}
            </Alert>
            {showErrors && !result.ok && <Alert color="red" role="alert" title={p.invalid} />}
            {save.error && <Alert color="red" role="alert" title={errorMessage(save.error)} />}
            <Group justify="flex-end" gap="xs">
              <Button variant="default" disabled={!changed || save.isPending} onClick={() => setValues(formValuesOf(version.policy))}>
                {p.reset}
              </Button>
              <Button type="submit" loading={save.isPending} disabled={!changed}>
                {p.save}
              </Button>
            </Group>
          </Stack>
        )}
      </Stack>
    </form>
  );
}

function Section({ title, hint, children }: { title: string; hint?: string; children: ReactNode }) {
  const id = useId();
  return (
    <Card withBorder padding="md" component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb={hint ? 4 : 'sm'}>
        {title}
      </Title>
      {hint && (
        <Text size="xs" c="dimmed" mb="sm">
          {hint}
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        {children}
      </SimpleGrid>
    </Card>
  );
}
