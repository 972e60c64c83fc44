import { describe, expect, it } from 'vitest';
import { guardedLookup, isBlockedAddress, isBlockedHost } from './network-guard';

describe('the webhook network guard', () => {
  it('refuses loopback, private, link-local and mapped addresses, and lets public ones through', () => {
    for (const host of ['127.0.0.1', 'localhost', 'api.localhost', '10.1.2.3', '172.20.0.1', '192.168.0.10', '169.254.169.254', '100.64.0.1', '0.0.0.0', '[::1]', '[fd00::1]', '[fe80::1]', '[::ffff:10.0.0.1]']) {
      expect(isBlockedHost(host), host).toBe(true);
    }
    for (const host of ['shop.example.kr', '203.0.113.7', '8.8.8.8', '[2001:db8::1]', '172.32.0.1']) expect(isBlockedHost(host), host).toBe(false);
    expect(isBlockedAddress('not an address')).toBe(false);
  });

  it('refuses a name that resolves to a private address at connection time', async () => {
    const error = await new Promise<NodeJS.ErrnoException | null>((resolve) => guardedLookup('localhost', {}, (e) => resolve(e)));
    expect(error?.message).toMatch(/private address/);
  });
});
