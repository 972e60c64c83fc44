import { Center, Loader } from '@mantine/core';

/** A spinner where a page goes while it, or its code, loads (`fullPage`: the whole window). */
export function PageLoader({ label, fullPage = false }: { label: string; fullPage?: boolean }) {
  return (
    <Center mih={fullPage ? '100vh' : '40vh'}>
      <Loader aria-label={label} />
    </Center>
  );
}
