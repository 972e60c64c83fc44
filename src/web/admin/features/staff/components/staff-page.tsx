import { Alert, Button, Center, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { StaffInvitation } from '../../../../../contracts/staff';
import { errorMessage } from '../../../app/api/client';
import { formatSeoulDateTime } from '../../../app/format';
import { useToast } from '../../../app/toast';
import { useMe } from '../../auth/api/me';
import { may } from '../../auth/model/permissions';
import { useRevokeInvitation, useStaffList } from '../api/staff';
import { useStaffI18n } from '../i18n';
import { InviteModal } from './invite-modal';
import { PermissionTable } from './permission-table';
import { StaffTable } from './staff-table';

/** 직원 관리: the staff list and pending invitations (owners change them, managers read them) and the permission table. */
export function StaffPage() {
  const { s } = useStaffI18n();
  const me = useMe();
  const query = useStaffList();
  const [inviting, setInviting] = useState(false);
  const canManage = may(me.data, 'staff.manage');
  return (
    <Stack gap="md" maw={1200}>
      <Group justify="space-between">
        <Title order={1} size="h3">
          {s.title}
        </Title>
        {canManage && <Button onClick={() => setInviting(true)}>{s.invite}</Button>}
      </Group>
      <Text size="sm" c="dimmed">
        {s.hint}
      </Text>
      {!canManage && <Alert color="gray" title={s.readOnly} />}
      {query.isPending ? (
        <Center py="xl">
          <Loader aria-label={s.loading} />
        </Center>
      ) : query.isError ? (
        <Alert color="red" role="alert" title={errorMessage(query.error)} />
      ) : (
        <>
          <StaffTable staff={query.data.staff} meId={me.data?.staff.id ?? 0} canManage={canManage} />
          <Invitations invitations={query.data.invitations} canManage={canManage} />
        </>
      )}
      <PermissionTable />
      {inviting && <InviteModal onClose={() => setInviting(false)} />}
    </Stack>
  );
}

function Invitations({ invitations, canManage }: { invitations: StaffInvitation[]; canManage: boolean }) {
  const { s, t } = useStaffI18n();
  const toast = useToast();
  const revoke = useRevokeInvitation();
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        {s.invitations.title}
      </Title>
      {invitations.length === 0 ? (
        <Text size="sm" c="dimmed" role="status">
          {s.invitations.empty}
        </Text>
      ) : (
        <Table withTableBorder aria-label={s.invitations.title}>
          <Table.Tbody>
            {invitations.map((invitation) => (
              <Table.Tr key={invitation.id}>
                <Table.Td>{invitation.name}</Table.Td>
                <Table.Td>{invitation.email}</Table.Td>
                <Table.Td>{t.shell.roles[invitation.role]}</Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed">
                    {s.invitations.expires} {formatSeoulDateTime(invitation.expiresAt)}
                  </Text>
                </Table.Td>
                {canManage && (
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="light"
                      color="red"
                      loading={revoke.isPending && revoke.variables === invitation.id}
                      aria-label={`${s.invitations.revoke}: ${invitation.email}`}
                      onClick={() => revoke.mutate(invitation.id, { onSuccess: () => toast.success(s.invitations.revoked), onError: (e) => toast.error(errorMessage(e)) })}
                    >
                      {s.invitations.revoke}
                    </Button>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
