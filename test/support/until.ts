/**
 * Waits for a condition rather than for a time: asks `probe` every 50 ms until it answers a value
 * (anything but null or false), and gives up with the condition's name after `seconds`.
 */
export async function until<T>(what: string, probe: () => Promise<T | null | false>, seconds = 60): Promise<T> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const found = await probe();
    if (found !== null && found !== false) return found;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
