import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { BlockList, isIP } from 'node:net';

/**
 * Addresses a webhook must not reach unless the operator allows it: loopback, private networks,
 * link-local (cloud metadata at 169.254.169.254) and the like. Otherwise whoever holds an API key
 * could make the server probe its own network and read the answers in the delivery log.
 */
const BLOCKED = new BlockList();
for (const [net, prefix] of [['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12], ['192.168.0.0', 16], ['224.0.0.0', 3]] as const) {
  BLOCKED.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [['::', 127], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8]] as const) BLOCKED.addSubnet(net, prefix, 'ipv6');

/**
 * Which private destinations the operator allows: all of them (true: JUMUN_WEBHOOK_ALLOW_PRIVATE=1),
 * none (false), or exactly these origins (the demo storefront beside the server, say).
 */
export type PrivateNetworkAllowance = boolean | readonly string[];

export function mayReachPrivately(url: URL, allowance: PrivateNetworkAllowance): boolean {
  return allowance === true || (Array.isArray(allowance) && allowance.includes(url.origin));
}

export function isBlockedAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  // an IPv4 address written as IPv6 (::ffff:10.0.0.1) is judged as the IPv4 address it is
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return BLOCKED.check(mapped[1], 'ipv4');
  return BLOCKED.check(address, family === 6 ? 'ipv6' : 'ipv4');
}

/** A host named by a literal blocked address or as localhost: refused before any lookup. */
export function isBlockedHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host.endsWith('.localhost') || isBlockedAddress(host);
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * The DNS lookup a webhook's socket connects through: the address checked is the one connected
 * to, so a name that resolves to a private address (or changes to one after a check) is refused.
 */
export function guardedLookup(hostname: string, options: LookupOptions, callback: LookupCallback): void {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, '');
    const blocked = addresses.find((a) => isBlockedAddress(a.address));
    if (blocked) return callback(Object.assign(new Error(`${hostname} resolves to a private address (${blocked.address})`), { code: 'EBLOCKED' }), '');
    if (options.all) return callback(null, addresses);
    const first = addresses[0];
    if (!first) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '');
    callback(null, first.address, first.family);
  });
}
