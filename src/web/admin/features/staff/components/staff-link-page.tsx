import { Alert, Anchor, Button, Center, Loader, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { STAFF_PASSWORD_MIN } from '../../../../../contracts/staff';
import { errorMessage } from '../../../app/api/client';
import { LanguageSwitch } from '../../../app/language-switch';
import { Link, navigate } from '../../../app/router';
import { useAcceptStaffLink, useStaffLinkInfo } from '../api/staff';
import { useStaffI18n } from '../i18n';

/**
 * `/invite/<token>`, outside the sign-in gate: an invitation or a password reset. Shows the shop
 * and the e-mail, asks the password twice, and lands the person signed in on the order list.
 */
export function StaffLinkPage({ token }: { token: string }) {
  const { s, t } = useStaffI18n();
  const info = useStaffLinkInfo(token);
  const accept = useAcceptStaffLink(token);
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [touched, setTouched] = useState(false);
  const problem = password.length < STAFF_PASSWORD_MIN ? s.accept.tooShort(STAFF_PASSWORD_MIN) : password !== confirm ? s.accept.mismatch : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!problem) accept.mutate(password, { onSuccess: () => navigate('/orders', { replace: true }) });
  };
  return (
    <Center mih="100vh" bg="gray.0" p="md">
      <Paper component="main" withBorder shadow="sm" p="xl" radius="md" w={440} maw="100%">
        {info.isPending ? (
          <Center py="xl">
            <Loader aria-label={s.accept.loading} />
          </Center>
        ) : info.isError ? (
          <Stack>
            <Alert color="red" role="alert">
              {errorMessage(info.error)}
            </Alert>
            <Anchor component={Link} to="/login">
              {s.accept.toLogin}
            </Anchor>
          </Stack>
        ) : (
          <form onSubmit={submit} noValidate>
            <Stack>
              <div>
                <Title order={1} size="h3">
                  {info.data.purpose === 'invite' ? s.accept.inviteTitle(info.data.shopName) : s.accept.resetTitle(info.data.shopName)}
                </Title>
                <Text c="dimmed" size="sm" mt={4}>
                  {info.data.purpose === 'invite' ? s.accept.invited(info.data.name, t.shell.roles[info.data.role]) : s.accept.reset(info.data.name)}
                </Text>
              </div>
              {accept.isError && (
                <Alert color="red" role="alert">
                  {errorMessage(accept.error)}
                </Alert>
              )}
              <TextInput label={s.accept.email} value={info.data.email} readOnly autoComplete="username" />
              <PasswordInput
                label={s.accept.password}
                description={s.accept.passwordHint(STAFF_PASSWORD_MIN)}
                autoComplete="new-password"
                required
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
                data-autofocus
              />
              <PasswordInput
                label={s.accept.confirm}
                autoComplete="new-password"
                required
                value={confirm}
                onChange={(e) => setConfirm(e.currentTarget.value)}
                error={touched ? problem : null}
              />
              <Button type="submit" loading={accept.isPending} disabled={!password || !confirm}>
                {info.data.purpose === 'invite' ? s.accept.submitInvite : s.accept.submitReset}
              </Button>
              <LanguageSwitch />
            </Stack>
          </form>
        )}
      </Paper>
    </Center>
  );
}
