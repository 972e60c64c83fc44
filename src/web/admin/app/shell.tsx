import { AppShell, Button, Group, NavLink, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { StaffMe } from '../../../contracts/auth';
import { useLogout } from '../features/auth/api/logout';
import { useI18n } from './i18n';
import { LanguageSwitch } from './language-switch';
import { Link, useLocation } from './router';

const canManageWebhooks = (role: StaffMe['staff']['role']) => role === 'owner' || role === 'manager';

/** The frame around every signed-in page: shop, who is signed in, language, sign-out; the menu. */
export function Shell({ me, children }: { me: StaffMe; children: ReactNode }) {
  const { t } = useI18n();
  const logout = useLogout();
  const { pathname } = useLocation();
  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 180, breakpoint: 'sm' }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Title order={2} size="h4" c="indigo.7">
              {t.appName}
            </Title>
            <Text fw={600} data-testid="shop-name">
              {me.shop.name}
            </Text>
          </Group>
          <Group gap="md" wrap="nowrap">
            <LanguageSwitch />
            <Text size="sm" data-testid="staff-name">
              {t.shell.signedInAs(me.staff.name, t.shell.roles[me.staff.role])}
            </Text>
            <Button variant="default" size="xs" onClick={() => logout.mutate()} loading={logout.isPending}>
              {t.shell.logout}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label={t.appName}>
        <NavLink component={Link} to="/orders" label={t.shell.orders} active={pathname.startsWith('/orders')} />
        <NavLink component={Link} to="/products" label={t.shell.products} active={pathname.startsWith('/products')} />
        {/* the webhook API answers 403 to staff and viewers: the menu is only for those it serves */}
        {canManageWebhooks(me.staff.role) && <NavLink component={Link} to="/settings/webhooks" label={t.shell.webhooks} active={pathname.startsWith('/settings/webhooks')} />}
      </AppShell.Navbar>
      <AppShell.Main>{children}</AppShell.Main>
    </AppShell>
  );
}
