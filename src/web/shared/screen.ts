import { DEFAULT_THEME, type MantineBreakpoint, type MantineThemeOverride } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';

/**
 * Whether the screen is at most `width` wide: one of Mantine's breakpoints (the admin's phone
 * layout is below `sm`, where AppShell's navbar turns into a drawer) or an em width. Known at the
 * first render, so a phone never draws the desktop layout first and then swaps it.
 */
export function useNarrowerThan(width: MantineBreakpoint | `${number}em`): boolean {
  const max = width in DEFAULT_THEME.breakpoints ? DEFAULT_THEME.breakpoints[width as MantineBreakpoint] : width;
  return useMediaQuery(`(max-width: ${max})`, false, { getInitialValueInEffect: false });
}

/**
 * The theme on a phone: every Modal takes the whole screen (a centred box of 360 px leaves no room
 * for steppers, tables and keyboards). One place instead of a prop on every dialog.
 */
export function withFullScreenDialogs(theme: MantineThemeOverride): MantineThemeOverride {
  const modal = theme.components?.Modal;
  return { ...theme, components: { ...theme.components, Modal: { ...modal, defaultProps: { ...modal?.defaultProps, fullScreen: true, radius: 0 } } } };
}
