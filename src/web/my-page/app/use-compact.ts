import { useMediaQuery } from '@mantine/hooks';

/** A phone-sized screen: dialogs take the whole screen there. */
export function useCompact(): boolean {
  return useMediaQuery('(max-width: 40em)') ?? false;
}
