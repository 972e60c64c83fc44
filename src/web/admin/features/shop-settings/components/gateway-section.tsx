import { Badge, Group, PasswordInput, Select, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { ShopSettings, UpdateGatewayRequest } from '../../../../../contracts/settings';
import { useToast } from '../../../app/toast';
import { useUpdateGateway } from '../api/settings';
import { useShopSettingsI18n } from '../i18n';
import { SectionForm } from './section-form';

type Choice = 'server' | 'test' | 'toss';

/**
 * 결제대행사 (the owner's): which gateway, the Toss client key, and the secret key — write-only:
 * the field starts empty and says only 설정됨 ••••1234; left empty, the stored key is kept.
 */
export function GatewaySection({ settings, canEdit }: { settings: ShopSettings; canEdit: boolean }) {
  const { s } = useShopSettingsI18n();
  const toast = useToast();
  const update = useUpdateGateway();
  const g = settings.gateway;
  const [choice, setChoice] = useState<Choice>(g.provider ?? 'server');
  const [clientKey, setClientKey] = useState(g.clientKey ?? '');
  const [secretKey, setSecretKey] = useState('');
  const submit = () => {
    const body: UpdateGatewayRequest =
      choice === 'server' ? { provider: null } : { provider: choice, clientKey: clientKey.trim() || null, ...(secretKey.trim() ? { secretKey: secretKey.trim() } : {}) };
    update.mutate(body, {
      onSuccess: () => {
        setSecretKey('');
        toast.success(s.saved(s.gateway.title));
      },
    });
  };
  return (
    <SectionForm id="shop-gateway" title={s.gateway.title} hint={canEdit ? undefined : s.gateway.ownerOnly} canEdit={canEdit} pending={update.isPending} error={update.error} onSubmit={submit}>
      <Group gap="xs">
        <Badge variant="light" color={g.inEffect === 'shop' ? 'teal' : 'gray'} tt="none" data-testid="gateway-in-effect">
          {s.gateway.inEffect[g.inEffect]}
        </Badge>
        <Text size="xs" c="dimmed">
          {s.gateway.serverDefault(s.gateway.providerNames[g.serverDefault])}
        </Text>
      </Group>
      <Select
        label={s.gateway.provider}
        data={(['server', 'test', 'toss'] as const).map((value) => ({ value, label: s.gateway.providers[value] }))}
        value={choice}
        onChange={(value) => value && setChoice(value as Choice)}
        allowDeselect={false}
        maw={320}
      />
      {choice === 'toss' && (
        <>
          <TextInput label={s.gateway.clientKey} placeholder="test_ck_…" value={clientKey} onChange={(e) => setClientKey(e.currentTarget.value)} autoComplete="off" />
          <PasswordInput
            label={s.gateway.secretKey}
            description={`${g.secretKey.set && g.secretKey.hint ? s.gateway.secretSet(g.secretKey.hint) : s.gateway.secretNotSet} · ${s.gateway.secretHint}`}
            placeholder={g.secretKey.set && g.secretKey.hint ? s.gateway.secretSet(g.secretKey.hint) : 'test_sk_…'}
            value={secretKey}
            onChange={(e) => setSecretKey(e.currentTarget.value)}
            autoComplete="new-password"
            data-testid="gateway-secret-key"
          />
        </>
      )}
    </SectionForm>
  );
}
