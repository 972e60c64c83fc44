/**
 * How failed sign-ins slow down whoever keeps failing: the first few cost nothing (people mistype),
 * then each further attempt must wait twice as long as the one before, and at a threshold the
 * subject is locked for a while (until an owner lifts it, or a success on that account resets it).
 * Counts older than the window are forgotten.
 */

export type ThrottleKind = 'account' | 'address' | 'api-key-address' | 'guest-order' | 'guest-address';

export interface ThrottleRule {
  /** The failure from which each next attempt must wait. */
  delayFrom: number;
  /** The failure that locks the subject. */
  lockAt: number;
  lockSeconds: number;
  maxDelaySeconds: number;
  /** Failures further apart than this start counting again. */
  windowSeconds: number;
}

export const THROTTLE_RULES: Record<ThrottleKind, ThrottleRule> = {
  // one person's account: a few typos are normal; ten wrong passwords in a day are not
  account: { delayFrom: 5, lockAt: 10, lockSeconds: 15 * 60, maxDelaySeconds: 60, windowSeconds: 24 * 3600 },
  // one client address, over every account: an office behind one address must still be able to work
  address: { delayFrom: 20, lockAt: 50, lockSeconds: 15 * 60, maxDelaySeconds: 60, windowSeconds: 24 * 3600 },
  // API keys are machine-made: a handful of wrong ones from one address is already guessing
  'api-key-address': { delayFrom: 5, lockAt: 30, lockSeconds: 15 * 60, maxDelaySeconds: 60, windowSeconds: 24 * 3600 },
  // 비회원 주문조회, per order: a buyer mistypes a phone or a password a few times, no more
  'guest-order': { delayFrom: 3, lockAt: 10, lockSeconds: 30 * 60, maxDelaySeconds: 60, windowSeconds: 24 * 3600 },
  // per client address over every order: someone walking through order numbers
  'guest-address': { delayFrom: 10, lockAt: 30, lockSeconds: 30 * 60, maxDelaySeconds: 60, windowSeconds: 24 * 3600 },
};

export interface ThrottleState {
  failures: number;
  lastFailureAt: Date;
  blockedUntil: Date | null;
  lockedAt: Date | null;
}

export type Admission = { allowed: true } | { allowed: false; locked: boolean; retryAfterSeconds: number };

/** May an attempt be taken now? */
export function admit(state: ThrottleState | null, now: Date): Admission {
  if (!state?.blockedUntil || state.blockedUntil.getTime() <= now.getTime()) return { allowed: true };
  return { allowed: false, locked: state.lockedAt !== null, retryAfterSeconds: Math.ceil((state.blockedUntil.getTime() - now.getTime()) / 1000) };
}

/** The failure count after one more failure now (an old streak is forgotten). */
export function nextFailureCount(state: ThrottleState | null, rule: ThrottleRule, now: Date): number {
  if (!state) return 1;
  const stale = now.getTime() - state.lastFailureAt.getTime() > rule.windowSeconds * 1000;
  return stale ? 1 : state.failures + 1;
}

/** What the n-th failure (at `now`) imposes on the next attempt. */
export function blockAfter(failures: number, rule: ThrottleRule, now: Date): { blockedUntil: Date | null; locks: boolean } {
  if (failures >= rule.lockAt) return { blockedUntil: new Date(now.getTime() + rule.lockSeconds * 1000), locks: true };
  if (failures < rule.delayFrom) return { blockedUntil: null, locks: false };
  const seconds = Math.min(2 ** (failures - rule.delayFrom + 1), rule.maxDelaySeconds);
  return { blockedUntil: new Date(now.getTime() + seconds * 1000), locks: false };
}

/** The throttle subject of an account (case-insensitive e-mail, as sign-in finds it) or an address. */
export function throttleSubject(kind: ThrottleKind, value: string): string {
  return `${kind}:${kind === 'account' ? value.trim().toLowerCase() : value}`;
}
