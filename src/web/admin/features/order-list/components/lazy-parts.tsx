import { Suspense, useState, type ReactNode } from 'react';
import { OrderDetailPage } from '../../../app/routes';
import { lazyPart } from '../../../../shared/lazy';
import { preloadSortableTabs } from './view-tabs';

/**
 * The list's dialogs are chunks of their own: the filter panel (its number, date and product
 * fields), the column settings (drag and drop), the tab and saved-filter name dialogs and the bulk tools' dialogs are not needed to show
 * the first page of orders. They are fetched once the list has shown its rows (preloadListParts),
 * so a click opens them as fast as before.
 */
export const FilterDrawer = lazyPart(() => import('./filter-drawer').then((m) => m.FilterDrawer));
export const ColumnSettingsModal = lazyPart(() => import('./column-settings-modal').then((m) => m.ColumnSettingsModal));
export const BulkDialogs = lazyPart(() => import('../../order-bulk/components/bulk-dialogs').then((m) => m.BulkDialogs));
/** Naming a tab or a saved filter, deleting a tab: Mantine's Modal is not on the first screen either. */
export const NameModal = lazyPart(() => import('./view-name-modal').then((m) => m.NameModal));
export const DeleteViewModal = lazyPart(() => import('./delete-view-modal').then((m) => m.DeleteViewModal));

/** What a person on the list opens next: its dialogs, an order, and the tabs' dragging. */
export function preloadListParts() {
  for (const part of [FilterDrawer, ColumnSettingsModal, BulkDialogs, NameModal, DeleteViewModal, OrderDetailPage]) part.preload();
  preloadSortableTabs();
}

/**
 * Mounts a lazy dialog from the first time it is opened on (kept mounted after, so it plays its
 * closing transition), showing nothing in the moment its code may still be on its way.
 */
export function OnceOpened({ open, children }: { open: boolean; children: ReactNode }) {
  const [once, setOnce] = useState(open);
  if (open && !once) setOnce(true);
  return once || open ? <Suspense fallback={null}>{children}</Suspense> : null;
}
