import { Alert, Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { STAFF_ROLES, type StaffRole } from '../../../../../contracts/permissions';
import { errorMessage } from '../../../app/api/client';
import { useInviteStaff } from '../api/staff';
import { useStaffI18n } from '../i18n';
import { LinkBox } from './link-box';

/** 직원 초대: e-mail, name and role; then the link, to copy (and mailed when the shop can). */
export function InviteModal({ onClose }: { onClose: () => void }) {
  const { s, t } = useStaffI18n();
  const invite = useInviteStaff();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<StaffRole>('staff');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    invite.mutate({ email: email.trim(), name: name.trim(), role });
  };
  return (
    <Modal opened onClose={onClose} title={invite.data ? s.link.inviteTitle : s.inviteForm.title} size="lg" closeButtonProps={{ 'aria-label': t.common.close }}>
      {invite.data ? (
        <Stack>
          <LinkBox link={invite.data.link} />
          <Group justify="flex-end">
            <Button onClick={onClose}>{s.link.done}</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            {invite.isError && (
              <Alert color="red" role="alert">
                {errorMessage(invite.error)}
              </Alert>
            )}
            <TextInput label={s.inviteForm.email} type="email" required value={email} onChange={(e) => setEmail(e.currentTarget.value)} data-autofocus />
            <TextInput label={s.inviteForm.name} required value={name} onChange={(e) => setName(e.currentTarget.value)} />
            <Select
              label={s.inviteForm.role}
              data={STAFF_ROLES.map((r) => ({ value: r, label: t.shell.roles[r] }))}
              value={role}
              onChange={(value) => value && setRole(value as StaffRole)}
              allowDeselect={false}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {s.cancel}
              </Button>
              <Button type="submit" loading={invite.isPending} disabled={!email.trim() || !name.trim()}>
                {s.inviteForm.submit}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
