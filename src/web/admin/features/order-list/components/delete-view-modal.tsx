import { Button, Group, Modal, Text } from '@mantine/core';
import { viewLabel } from '../../../../../contracts/view-names';
import type { View } from '../../../../../contracts/views';
import { useI18n } from '../../../app/i18n';

/** Deleting a tab removes it for every staff member: asked once, in words. */
export function DeleteViewModal({ view, pending, onConfirm, onClose }: { view: View | null; pending: boolean; onConfirm(view: View): void; onClose(): void }) {
  const { t, lang } = useI18n();
  return (
    <Modal opened={view !== null} onClose={onClose} title={t.list.deleteTab} centered closeButtonProps={{ 'aria-label': t.common.close }}>
      {view && (
        <>
          <Text size="sm">{t.list.deleteTabConfirm(viewLabel(view.name, lang))}</Text>
          <Group justify="flex-end" mt="md">
            <Button variant="default" onClick={onClose}>
              {t.common.cancel}
            </Button>
            <Button color="red" loading={pending} onClick={() => onConfirm(view)} data-autofocus>
              {t.common.delete}
            </Button>
          </Group>
        </>
      )}
    </Modal>
  );
}
