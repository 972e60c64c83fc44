import { Alert, Button, Code, CopyButton, Group, Stack, Text } from '@mantine/core';
import type { StaffLink } from '../../../../../contracts/staff';
import { formatSeoulDateTime } from '../../../app/format';
import { useStaffI18n } from '../i18n';

/** A one-time link as its maker sees it once: the address on this admin's origin, a copy button, whether it was mailed. */
export function LinkBox({ link }: { link: StaffLink }) {
  const { s } = useStaffI18n();
  // the admin's own origin: the address the inviter is using is one the invitee can reach too
  const url = `${window.location.origin}${link.path}`;
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        {s.link.hint(formatSeoulDateTime(link.expiresAt))}
      </Text>
      <Group wrap="nowrap" gap="xs">
        <Code data-testid="staff-link" style={{ wordBreak: 'break-all', flex: 1 }}>
          {url}
        </Code>
        <CopyButton value={url}>
          {({ copied, copy }) => (
            <Button size="xs" variant="default" onClick={copy}>
              {copied ? s.link.copied : s.link.copy}
            </Button>
          )}
        </CopyButton>
      </Group>
      <Alert color={link.emailed ? 'green' : 'gray'} p="xs">
        <Text size="sm">{link.emailed ? s.link.emailed : s.link.notEmailed}</Text>
      </Alert>
    </Stack>
  );
}
