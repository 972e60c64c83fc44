import { Anchor, Box, Button, Container, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { MySession } from '../../../contracts/my';
import { useLogout } from '../features/session/api/session';
import { errorMessage } from './api/client';
import { useI18n } from './i18n';
import { LanguageSwitch } from './language-switch';
import { Link, lookupPath, navigate } from './router';
import { useToast } from './toast';

/** The header (shop, 내 주문, language, sign-out) over a narrow column that suits a phone. */
export function Shell({ session, children }: { session: MySession | null | undefined; children: ReactNode }) {
  const { t } = useI18n();
  const logout = useLogout();
  const toast = useToast();
  const signOut = () =>
    logout.mutate(undefined, {
      onSuccess: () => {
        toast.success(t.shell.loggedOut);
        navigate(lookupPath(null, session?.shop.id), { replace: true });
      },
      onError: (error) => toast.error(errorMessage(error)),
    });
  return (
    <>
      <Box component="header" bg="white" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Container size="md" px="sm" py="xs">
          <Group justify="space-between" gap="xs" wrap="nowrap">
            <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
              <Anchor component={Link} to={session ? '/my/orders' : '/my'} fw={700} c="dark" underline="never" style={{ whiteSpace: 'nowrap' }}>
                {t.appName}
              </Anchor>
              {session && (
                <Text size="sm" c="dimmed" truncate visibleFrom="xs">
                  · {session.shop.name}
                </Text>
              )}
            </Group>
            <Group gap="xs" wrap="nowrap">
              <LanguageSwitch />
              {session && (
                <Button size="compact-sm" variant="subtle" onClick={signOut} loading={logout.isPending}>
                  {t.shell.logout}
                </Button>
              )}
            </Group>
          </Group>
        </Container>
      </Box>
      <Container component="main" size="md" px="sm" py="md">
        {children}
      </Container>
    </>
  );
}
