import { Stack, Table, Text, Title } from '@mantine/core';
import { API_SCOPES, PERMISSION_NAMES, PERMISSIONS, SCOPE_LABELS, STAFF_ROLES, type ApiScope, type StaffRole } from '../../../../../contracts/permissions';
import { useStaffI18n } from '../i18n';

const rolesOf = (name: (typeof PERMISSION_NAMES)[number]): readonly StaffRole[] => PERMISSIONS[name].roles;
const scopesOf = (name: (typeof PERMISSION_NAMES)[number]): readonly ApiScope[] => PERMISSIONS[name].scopes;
const noteOf = (name: (typeof PERMISSION_NAMES)[number]): string | undefined => ('note' in PERMISSIONS[name] ? (PERMISSIONS[name] as { note?: string }).note : undefined);

/** 권한표: the domain's one table (the server checks the same), rows of permissions, a column per role and per API-key scope. */
export function PermissionTable() {
  const { s, t } = useStaffI18n();
  const mark = (allowed: boolean) => (allowed ? <span aria-label={s.permissions.allowed}>✓</span> : <Text span c="dimmed" aria-hidden>{s.permissions.none}</Text>);
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        {s.permissions.title}
      </Title>
      <Text size="sm" c="dimmed">
        {s.permissions.hint}
      </Text>
      <Table.ScrollContainer minWidth={900}>
        <Table withTableBorder withColumnBorders striped aria-label={s.permissions.title} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th rowSpan={2}>{s.permissions.permission}</Table.Th>
              {STAFF_ROLES.map((role) => (
                <Table.Th key={role} rowSpan={2} ta="center">
                  {t.shell.roles[role]}
                </Table.Th>
              ))}
              <Table.Th colSpan={API_SCOPES.length} ta="center">
                {s.permissions.apiScopes}
              </Table.Th>
            </Table.Tr>
            <Table.Tr>
              {API_SCOPES.map((scope) => (
                <Table.Th key={scope} ta="center" title={SCOPE_LABELS[scope]}>
                  {scope}
                  <Text size="xs" c="dimmed">
                    {SCOPE_LABELS[scope]}
                  </Text>
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {PERMISSION_NAMES.map((name) => (
              <Table.Tr key={name} data-permission={name}>
                <Table.Td>
                  {PERMISSIONS[name].label}
                  {noteOf(name) && (
                    <Text size="xs" c="orange.8">
                      {noteOf(name)}
                    </Text>
                  )}
                </Table.Td>
                {STAFF_ROLES.map((role) => (
                  <Table.Td key={role} ta="center">
                    {mark(rolesOf(name).includes(role))}
                  </Table.Td>
                ))}
                {API_SCOPES.map((scope) => (
                  <Table.Td key={scope} ta="center">
                    {mark(scopesOf(name).includes(scope))}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
