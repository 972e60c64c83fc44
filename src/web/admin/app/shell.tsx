import { AppShell, Burger, Button, Divider, Group, NavLink, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense, type ReactNode } from 'react';
import type { StaffMe } from '../../../contracts/auth';
import { API_KEYS_MENU } from '../features/api-keys/i18n';
import { useLogout } from '../features/auth/api/logout';
import { may } from '../features/auth/model/permissions';
import { STAFF_MENU_LABEL } from '../features/staff/i18n';
import { SHOP_POLICY_PATH } from '../features/shop-policy/model/paths';
import { shopPolicyMenuLabel } from '../features/shop-policy/i18n';
import { getLang, useI18n } from './i18n';
import { LanguageSwitch } from './language-switch';
import { Link, useLocation } from './router';
import { usePhone } from './use-phone';
import { PageLoader } from '../../shared/page-loader';

/**
 * The frame around every signed-in page: shop, who is signed in, language, sign-out; the menu.
 * On a phone the menu is a drawer behind ☰ (closed again by choosing a page), and who is signed
 * in, the language and sign-out move into it: the header keeps only the shop.
 */
export function Shell({ me, children }: { me: StaffMe; children: ReactNode }) {
  const { t, lang } = useI18n();
  const logout = useLogout();
  const { pathname } = useLocation();
  const phone = usePhone();
  const [opened, { toggle, close }] = useDisclosure(false);
  const account = (
    <>
      <LanguageSwitch />
      <Text size="sm" data-testid="staff-name">
        {t.shell.signedInAs(me.staff.name, t.shell.roles[me.staff.role])}
      </Text>
      <Button variant="default" size="xs" onClick={() => logout.mutate()} loading={logout.isPending}>
        {t.shell.logout}
      </Button>
    </>
  );
  const link = (to: string, label: string) => <NavLink component={Link} to={to} label={label} active={pathname.startsWith(to)} onClick={close} />;
  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 180, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap" miw={0}>
            {phone && <Burger opened={opened} onClick={toggle} size="sm" aria-label={t.shell.menu} aria-expanded={opened} aria-controls="admin-navbar" />}
            <Title order={2} size="h4" c="indigo.7">
              {t.appName}
            </Title>
            <Text fw={600} data-testid="shop-name" truncate={phone}>
              {me.shop.name}
            </Text>
          </Group>
          {!phone && (
            <Group gap="md" wrap="nowrap">
              {account}
            </Group>
          )}
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label={t.appName} id="admin-navbar" className="jm-navbar" data-open={opened || undefined}>
        {link('/orders', t.shell.orders)}
        {link('/products', t.shell.products)}
        {link('/messages', t.shell.buyerMessages)}
        {/* settings: each link only for those its page serves (the API answers 403 to the others) */}
        <Text size="xs" c="dimmed" fw={600} px="sm" pt="md" pb={4}>
          {t.shell.settings}
        </Text>
        {link('/settings/shop', t.shell.shopSettings)}
        {link(SHOP_POLICY_PATH, shopPolicyMenuLabel())}
        {may(me, 'settings.edit') && link('/settings/notifications', t.shell.notifications)}
        {may(me, 'webhooks.manage') && link('/settings/webhooks', t.shell.webhooks)}
        {may(me, 'staff.read') && link('/settings/staff', STAFF_MENU_LABEL[lang])}
        {may(me, 'api_keys.manage') && link('/settings/api-keys', API_KEYS_MENU[getLang()])}
        {may(me, 'audit.read') && link('/settings/audit', t.shell.audit)}
        {may(me, 'audit.read') && link('/settings/access-log', t.shell.accessLog)}
        {phone && (
          <>
            <Divider my="sm" />
            <Stack gap="sm" align="flex-start" px="xs">
              {account}
            </Stack>
          </>
        )}
      </AppShell.Navbar>
      <AppShell.Main>
        {/* a page whose code is still loading shows a spinner in its place: the menu and header stay */}
        <Suspense fallback={<PageLoader label={t.common.loading} />}>{children}</Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
