import { Alert, Anchor, Button, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { MySession } from '../../../../../contracts/my';
import { ApiError, errorMessage } from '../../../app/api/client';
import { useI18n } from '../../../app/i18n';
import { Link, navigate, orderPath, shopParam, useLocation } from '../../../app/router';
import { useGuestLookup } from '../api/guest-lookup';

/**
 * /my — 비회원 주문조회. A member is sent to their orders by App; a guest already looking at an
 * order sees a way back to it, and may look another one up (the new session replaces the old).
 */
export function LookupPage({ session }: { session: MySession | null }) {
  const { t } = useI18n();
  const { search } = useLocation();
  const lookup = useGuestLookup();
  const [orderNumber, setOrderNumber] = useState(search.get('order') ?? '');
  const [contact, setContact] = useState('');
  const [password, setPassword] = useState('');
  const handoffFailed = search.get('error') === 'handoff';
  const linkFailed = search.get('error') === 'link';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const typed = orderNumber.trim();
    // the shop of the link that brought the buyer here; the server needs it when it serves several shops
    const shopId = shopParam(search) ?? session?.shop.id;
    lookup.mutate(
      { orderNumber: typed, contact: contact.trim(), password, ...(shopId !== undefined ? { shopId } : {}) },
      { onSuccess: (signedIn) => navigate(orderPath(signedIn.orderNumber ?? typed)) },
    );
  };

  const retryAfter = lookup.error instanceof ApiError && lookup.error.status === 429 ? lookup.error.retryAfterSeconds : undefined;
  return (
    <Stack gap="md" maw={460} mx="auto" w="100%">
      <Paper withBorder p={{ base: 'md', sm: 'xl' }} radius="md">
        <form onSubmit={submit} noValidate aria-labelledby="lookup-title">
          <Stack>
            <div>
              <Title order={1} size="h2" id="lookup-title">
                {t.lookup.title}
              </Title>
              <Text c="dimmed" size="sm" mt={4}>
                {t.lookup.intro}
              </Text>
            </div>
            {handoffFailed && (
              <Alert color="orange" role="alert">
                {t.lookup.handoffError}
              </Alert>
            )}
            {linkFailed && (
              <Alert color="orange" role="alert">
                {t.lookup.linkError}
              </Alert>
            )}
            {session?.buyer === 'guest' && session.orderNumber && (
              <Alert color="indigo" role="note">
                <Text size="sm">{t.lookup.currentGuestOrder(session.orderNumber)}</Text>
                <Anchor component={Link} to={orderPath(session.orderNumber)} size="sm" fw={600}>
                  {t.lookup.openCurrent}
                </Anchor>
              </Alert>
            )}
            {lookup.isError && (
              <Alert color="red" role="alert">
                <Text size="sm">{errorMessage(lookup.error)}</Text>
                {retryAfter !== undefined && retryAfter > 0 && (
                  <Text size="sm" mt={4}>
                    {t.errors.retryAfter(retryAfter)}
                  </Text>
                )}
              </Alert>
            )}
            <TextInput label={t.lookup.orderNumber} required autoComplete="off" inputMode="text" value={orderNumber} onChange={(e) => setOrderNumber(e.currentTarget.value)} />
            <TextInput label={t.lookup.contact} description={t.lookup.contactHint} required autoComplete="tel" value={contact} onChange={(e) => setContact(e.currentTarget.value)} />
            <PasswordInput label={t.lookup.password} required autoComplete="current-password" value={password} onChange={(e) => setPassword(e.currentTarget.value)} />
            <Button type="submit" loading={lookup.isPending} disabled={!orderNumber.trim() || !contact.trim() || !password} fullWidth>
              {t.lookup.submit}
            </Button>
          </Stack>
        </form>
      </Paper>
      <Text size="sm" c="dimmed" ta="center">
        {t.lookup.memberNote}
      </Text>
    </Stack>
  );
}
