import { useNarrowerThan } from '../../shared/screen';

/** A phone-sized screen: dialogs take the whole screen there. */
export function useCompact(): boolean {
  return useNarrowerThan('40em');
}
