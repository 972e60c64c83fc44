import { Badge, Button, Group, Menu, Modal, Select, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { StaffLink, StaffMember } from '../../../../../contracts/staff';
import { STAFF_ROLES, type StaffRole } from '../../../../../contracts/permissions';
import { errorMessage } from '../../../app/api/client';
import { formatSeoulDateTime } from '../../../app/format';
import { useToast } from '../../../app/toast';
import { useResetPassword, useSetStaffActive, useUpdateStaff } from '../api/staff';
import { useStaffI18n } from '../i18n';
import { LinkBox } from './link-box';

const ROLE_COLORS: Record<StaffRole, string> = { owner: 'indigo', manager: 'teal', staff: 'gray', viewer: 'yellow' };

type Dialog = { kind: 'active'; member: StaffMember } | { kind: 'reset'; link: StaffLink } | null;

/** Everyone on staff; owners change roles, deactivate and reactivate, and make reset links here (never on their own row). */
export function StaffTable({ staff, meId, canManage }: { staff: StaffMember[]; meId: number; canManage: boolean }) {
  const { s, t } = useStaffI18n();
  const toast = useToast();
  const update = useUpdateStaff();
  const reset = useResetPassword();
  const [dialog, setDialog] = useState<Dialog>(null);
  const changeRole = (member: StaffMember, role: StaffRole) =>
    update.mutate({ staffId: member.id, body: { role } }, { onSuccess: () => toast.success(s.saved), onError: (e) => toast.error(errorMessage(e)) });
  const makeReset = (member: StaffMember) => reset.mutate(member.id, { onSuccess: (link) => setDialog({ kind: 'reset', link }), onError: (e) => toast.error(errorMessage(e)) });
  return (
    <>
      <Table withTableBorder aria-label={s.title} verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{s.columns.name}</Table.Th>
            <Table.Th>{s.columns.email}</Table.Th>
            <Table.Th>{s.columns.role}</Table.Th>
            <Table.Th>{s.columns.lastSignIn}</Table.Th>
            <Table.Th>{s.columns.status}</Table.Th>
            {canManage && <Table.Th>{s.columns.actions}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {staff.map((member) => {
            const self = member.id === meId;
            return (
              <Table.Tr key={member.id} data-testid={`staff-row-${member.email}`}>
                <Table.Td>
                  {member.name}
                  {self && (
                    <Badge ml="xs" size="xs" variant="outline">
                      {s.you}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{member.email}</Table.Td>
                <Table.Td>
                  {canManage && !self ? (
                    <Select
                      size="xs"
                      w={130}
                      aria-label={s.changeRole(member.name)}
                      data={STAFF_ROLES.map((r) => ({ value: r, label: t.shell.roles[r] }))}
                      value={member.role}
                      allowDeselect={false}
                      onChange={(value) => value && value !== member.role && changeRole(member, value as StaffRole)}
                    />
                  ) : (
                    <Badge color={ROLE_COLORS[member.role]} variant="light">
                      {t.shell.roles[member.role]}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c={member.lastSignInAt ? undefined : 'dimmed'}>
                    {member.lastSignInAt ? formatSeoulDateTime(member.lastSignInAt) : s.never}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Badge color={member.active ? 'green' : 'red'} variant="dot">
                    {member.active ? s.active : s.inactive}
                  </Badge>
                </Table.Td>
                {canManage && (
                  <Table.Td>
                    {!self && (
                      <Menu position="bottom-end">
                        <Menu.Target>
                          <Button size="xs" variant="default" aria-label={`${s.columns.actions}: ${member.name}`}>
                            {s.columns.actions}
                          </Button>
                        </Menu.Target>
                        <Menu.Dropdown>
                          {member.active && <Menu.Item onClick={() => makeReset(member)}>{s.resetPassword}</Menu.Item>}
                          <Menu.Item color={member.active ? 'red' : undefined} onClick={() => setDialog({ kind: 'active', member })}>
                            {member.active ? s.deactivate : s.reactivate}
                          </Menu.Item>
                        </Menu.Dropdown>
                      </Menu>
                    )}
                  </Table.Td>
                )}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {dialog?.kind === 'active' && <ActiveConfirm member={dialog.member} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'reset' && (
        <Modal opened onClose={() => setDialog(null)} title={s.link.resetTitle} size="lg" closeButtonProps={{ 'aria-label': t.common.close }}>
          <Stack>
            <LinkBox link={dialog.link} />
            <Group justify="flex-end">
              <Button onClick={() => setDialog(null)}>{s.link.done}</Button>
            </Group>
          </Stack>
        </Modal>
      )}
    </>
  );
}

/** Deactivating signs the person out everywhere at once: it asks first, and so does reactivating. */
function ActiveConfirm({ member, onClose }: { member: StaffMember; onClose: () => void }) {
  const { s, t } = useStaffI18n();
  const toast = useToast();
  const setActive = useSetStaffActive();
  const activate = !member.active;
  const label = activate ? s.reactivate : s.deactivate;
  const confirm = () =>
    setActive.mutate(
      { staffId: member.id, active: activate },
      {
        onSuccess: () => {
          toast.success(s.saved);
          onClose();
        },
        onError: (e) => toast.error(errorMessage(e)),
      },
    );
  return (
    <Modal opened onClose={onClose} title={label} closeButtonProps={{ 'aria-label': t.common.close }}>
      <Stack>
        <Text size="sm">{activate ? s.reactivateConfirm(member.name) : s.deactivateConfirm(member.name)}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {s.cancel}
          </Button>
          <Button color={activate ? undefined : 'red'} onClick={confirm} loading={setActive.isPending}>
            {label}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
