import { useNarrowerThan } from '../../shared/screen';

/**
 * A phone (below Mantine's `sm`, 48em): the menu is a drawer behind ☰, orders are cards, the
 * detail is one column and dialogs take the whole screen. Desktop layouts are untouched above it.
 */
export function usePhone(): boolean {
  return useNarrowerThan('sm');
}
