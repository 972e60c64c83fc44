import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { errorMessage } from '../../../app/api/client';
import { useI18n } from '../../../app/i18n';
import { LanguageSwitch } from '../../../app/language-switch';
import { navigate, useLocation } from '../../../app/router';
import type { ChooseShop } from '../../../../../contracts/auth';
import { useLogin } from '../api/login';
import { useShopChooserWords } from '../i18n';

/** Where to go after signing in: the page that asked for it, if it is one of ours. */
function nextPath(search: URLSearchParams): string {
  const next = search.get('next');
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/orders';
}

export function LoginPage() {
  const { t } = useI18n();
  const { search } = useLocation();
  const login = useLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [shops, setShops] = useState<ChooseShop['chooseShop'] | null>(null);
  const words = useShopChooserWords();

  const signIn = (shopId?: number) =>
    login.mutate(
      { email: email.trim(), password, ...(shopId ? { shopId } : {}) },
      { onSuccess: (answer) => (answer ? setShops(answer.chooseShop) : navigate(nextPath(search), { replace: true })) },
    );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn();
  };

  return (
    <Center mih="100vh" bg="gray.0" p="md">
      <Paper component="main" withBorder shadow="sm" p="xl" radius="md" w={400} maw="100%">
        <form onSubmit={submit} noValidate>
          <Stack>
            <div>
              <Title order={1} size="h2">
                {t.appName} · {t.login.title}
              </Title>
              <Text c="dimmed" size="sm" mt={4}>
                {t.login.subtitle}
              </Text>
            </div>
            {login.isError && (
              <Alert color="red" role="alert">
                {errorMessage(login.error)}
              </Alert>
            )}
            {shops ? (
              <Stack gap="xs" role="group" aria-label={words.title}>
                <Text fw={600}>{words.title}</Text>
                <Text size="sm" c="dimmed">
                  {words.hint}
                </Text>
                {shops.map((shop) => (
                  <Button key={shop.id} variant="light" onClick={() => signIn(shop.id)} loading={login.isPending && login.variables.shopId === shop.id}>
                    {shop.name}
                  </Button>
                ))}
                <Button variant="subtle" size="xs" onClick={() => setShops(null)}>
                  {words.back}
                </Button>
              </Stack>
            ) : (
              <>
              <TextInput label={t.login.email} type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.currentTarget.value)} data-autofocus />
              <PasswordInput label={t.login.password} autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.currentTarget.value)} />
              <Button type="submit" loading={login.isPending} disabled={!email || !password}>
                {t.login.submit}
              </Button>
              </>
            )}
            <LanguageSwitch />
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
