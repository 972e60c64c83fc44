import { Button, Group, Menu } from '@mantine/core';
import { useMe } from '../../auth/api/me';
import { PrintConditionsMenu, PrintSelectionMenu } from '../../order-print/components/print-menu';
import { useBulkI18n } from '../i18n';
import { OTHER_ACTIONS, STATUS_ACTIONS } from '../model/actions';
import type { OrderBulkController } from './use-order-bulk';

/** Viewers read orders and may export them, but change nothing: the actions that change orders are not offered. */
export function useMayWork(): boolean {
  const me = useMe();
  return me.data?.staff.role !== 'viewer';
}

/** Above the list, whatever is selected: 엑셀 다운로드, 송장 일괄 등록, 최근 일괄 처리. */
export function BulkToolbar({ bulk }: { bulk: OrderBulkController }) {
  const { b } = useBulkI18n();
  const mayWork = useMayWork();
  return (
    <Group gap="xs" role="group" aria-label={b.toolbar.label}>
      <Button variant="default" onClick={bulk.openExport}>
        {b.toolbar.export}
      </Button>
      <Button variant="default" onClick={bulk.openShippingExport}>
        {b.shipping.toolbar}
      </Button>
      <PrintConditionsMenu filter={bulk.context.filter} sort={bulk.context.sort} />
      {mayWork && (
        <Button variant="default" onClick={bulk.openTracking}>
          {b.toolbar.tracking}
        </Button>
      )}
      <Button variant="subtle" onClick={bulk.openRecent}>
        {b.toolbar.recent}
      </Button>
    </Group>
  );
}

/** In the bar over the table while orders are selected: the 일괄 처리 menu and the export of the selection. */
export function BulkSelectionActions({ bulk }: { bulk: OrderBulkController }) {
  const { b } = useBulkI18n();
  const mayWork = useMayWork();
  return (
    <>
      {mayWork && (
        <Menu position="bottom-end" shadow="md" width={220}>
          <Menu.Target>
            <Button size="xs" rightSection={<span aria-hidden>▾</span>}>
              {b.bar.actions}
            </Button>
          </Menu.Target>
          <Menu.Dropdown aria-label={b.bar.actionsMenu}>
            <Menu.Label>{b.bar.statusGroup}</Menu.Label>
            {STATUS_ACTIONS.map((type) => (
              <Menu.Item key={type} onClick={() => bulk.openAction(type)} title={b.actionHints[type]}>
                {b.actions[type]}
              </Menu.Item>
            ))}
            <Menu.Divider />
            <Menu.Label>{b.bar.otherGroup}</Menu.Label>
            {OTHER_ACTIONS.map((type) => (
              <Menu.Item key={type} color={type === 'cancel' ? 'red' : undefined} onClick={() => bulk.openAction(type)} title={b.actionHints[type]}>
                {b.actions[type]}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
      )}
      <Button size="xs" variant="default" onClick={bulk.openExport}>
        {b.bar.exportSelected}
      </Button>
      <PrintSelectionMenu selection={bulk.context.selection.selection} sort={bulk.context.sort} />
    </>
  );
}
