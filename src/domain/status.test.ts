import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  CLAIM_KIND_OF,
  STATUS_FAMILY,
  STATUS_LABELS,
  TERMINAL_STATUSES,
  TRANSITIONS,
  UNIT_STATUSES,
  findTransition,
  isActiveStatus,
  isClaimStatus,
  isOpenClaimStatus,
  qualifiedStatusLabel,
  validateStatusTable,
  type Transition,
  type UnitStatus,
} from './status';

describe('status table', () => {
  it('is valid', () => {
    expect(validateStatusTable()).toEqual([]);
  });

  it('allows the normal flow forward', () => {
    const flow: UnitStatus[] = ['awaiting_payment', 'paid', 'preparing', 'ready_to_ship', 'shipping', 'delivered', 'purchase_confirmed'];
    for (let i = 0; i + 1 < flow.length; i++) {
      const from = flow[i] as UnitStatus;
      const to = flow[i + 1] as UnitStatus;
      expect(findTransition(from, to)?.kind).toBe('forward');
      expect(findTransition(to, from)?.kind).toBe('revert');
    }
    expect(findTransition('awaiting_payment', 'paid')?.action).toBe('confirm_deposit');
    expect(findTransition('ready_to_ship', 'shipping')?.action).toBe('ship');
  });

  it('has no shortcuts', () => {
    expect(findTransition('paid', 'ready_to_ship')).toBeUndefined();
    expect(findTransition('paid', 'shipping')).toBeUndefined();
    expect(findTransition('preparing', 'shipping')).toBeUndefined();
    expect(findTransition('awaiting_payment', 'preparing')).toBeUndefined();
  });

  it('starts cancels before shipping and returns/exchanges after', () => {
    for (const s of ['awaiting_payment', 'paid', 'preparing', 'ready_to_ship'] as const) {
      expect(findTransition(s, 'cancel_requested')?.action).toBe('request_cancel');
      expect(findTransition('cancel_requested', s)?.kind).toBe('revert');
      expect(findTransition(s, 'return_requested')).toBeUndefined();
    }
    for (const s of ['shipping', 'delivered'] as const) {
      expect(findTransition(s, 'cancel_requested')).toBeUndefined();
      expect(findTransition(s, 'return_requested')?.kind).toBe('forward');
      expect(findTransition(s, 'exchange_requested')?.kind).toBe('forward');
      expect(findTransition('return_requested', s)?.kind).toBe('revert');
      expect(findTransition('exchange_requested', s)?.kind).toBe('revert');
    }
    expect(findTransition('purchase_confirmed', 'return_requested')).toBeUndefined();
  });

  it('marks the money effects', () => {
    expect(findTransition('cancel_requested', 'cancelled')?.moneyEffect).toBe('refund');
    expect(findTransition('return_collected', 'returned')?.moneyEffect).toBe('refund');
    expect(findTransition('paid', 'awaiting_payment')?.moneyEffect).toBe('refund');
    expect(findTransition('cancelled', 'cancel_requested')?.moneyEffect).toBe('charge');
    expect(findTransition('returned', 'return_collected')?.moneyEffect).toBe('charge');
    expect(findTransition('exchange_reshipped', 'exchanged')?.moneyEffect).toBe('none');
  });

  it('has no forward move out of a terminal status', () => {
    for (const s of TERMINAL_STATUSES) {
      expect(TRANSITIONS.filter((t) => t.from === s && t.kind === 'forward')).toEqual([]);
    }
  });

  it('labels every status', () => {
    expect(STATUS_LABELS.return_collecting.ko).toBe('수거중');
    expect(STATUS_LABELS.exchange_collected.ko).toBe('수거완료');
    expect(qualifiedStatusLabel('return_collecting', 'ko')).toBe('수거중(반품)');
    expect(qualifiedStatusLabel('exchange_collected', 'ko')).toBe('수거완료(교환)');
    expect(qualifiedStatusLabel('paid', 'ko')).toBe('결제완료');
    expect(qualifiedStatusLabel('return_collecting', 'en')).toBe('Collecting return');
    expect(STATUS_FAMILY.paid).toBe('payment');
    expect(STATUS_FAMILY.purchase_confirmed).toBe('shipping');
  });

  it('classifies claims', () => {
    expect(CLAIM_KIND_OF.cancelled).toBe('cancel');
    expect(CLAIM_KIND_OF.return_collected).toBe('return');
    expect(CLAIM_KIND_OF.exchange_reshipped).toBe('exchange');
    expect(CLAIM_KIND_OF.shipping).toBeUndefined();
    expect(isClaimStatus('cancel_requested')).toBe(true);
    expect(isClaimStatus('delivered')).toBe(false);
    expect(isOpenClaimStatus('return_collecting')).toBe(true);
    expect(isOpenClaimStatus('returned')).toBe(false);
    expect(isActiveStatus('cancelled')).toBe(false);
    expect(isActiveStatus('returned')).toBe(false);
    expect(isActiveStatus('exchanged')).toBe(true);
  });
});

describe('validateStatusTable', () => {
  const without = (from: UnitStatus, to: UnitStatus): Transition[] => TRANSITIONS.filter((t) => !(t.from === from && t.to === to));

  it('reports duplicates and unknown statuses', () => {
    const first = TRANSITIONS[0] as Transition;
    expect(validateStatusTable([...TRANSITIONS, first])).toContain('duplicate move awaiting_payment → paid');
    const bogus = { ...first, to: 'lost' } as unknown as Transition;
    expect(validateStatusTable([...TRANSITIONS, bogus]).some((p) => p.includes('unknown status "lost"'))).toBe(true);
  });

  it('reports unreachable statuses', () => {
    const problems = validateStatusTable(without('exchange_collected', 'exchange_reshipped'));
    expect(problems).toContain('exchange_reshipped is unreachable from awaiting_payment or paid');
  });

  it('reports statuses that can never finish', () => {
    const problems = validateStatusTable(without('return_collected', 'returned'));
    expect(problems).toContain('return_collected has no forward path to a terminal status');
  });

  it('reports forward moves out of a terminal status', () => {
    const extra: Transition = { from: 'cancelled', to: 'paid', kind: 'forward', action: 'x', moneyEffect: 'none' };
    expect(validateStatusTable([...TRANSITIONS, extra])).toContain('terminal status cancelled has a forward move');
  });

  it('reports a revert with no forward counterpart', () => {
    const extra: Transition = { from: 'delivered', to: 'paid', kind: 'revert', action: 'x', moneyEffect: 'none' };
    expect(validateStatusTable([...TRANSITIONS, extra])).toContain('revert delivered → paid has no forward move paid → delivered');
  });

  it('reports a revert of a refund that does not charge', () => {
    const table = TRANSITIONS.map((t) => (t.from === 'returned' && t.to === 'return_collected' ? { ...t, moneyEffect: 'none' as const } : t));
    expect(validateStatusTable(table)).toContain('revert returned → return_collected undoes a refund and must charge');
  });

  it('property: every status reachable by some sequence of moves can finish', () => {
    const forward = TRANSITIONS.filter((t) => t.kind === 'forward');
    fc.assert(
      fc.property(fc.constantFrom(...UNIT_STATUSES), fc.array(fc.nat(), { maxLength: 30 }), (start, picks) => {
        // random walk over all moves, then follow forward moves until a terminal status
        let s: UnitStatus = start;
        for (const p of picks) {
          const out = TRANSITIONS.filter((t) => t.from === s);
          const t = out[p % Math.max(out.length, 1)];
          if (t) s = t.to;
        }
        for (let steps = 0; !TERMINAL_STATUSES.includes(s); steps++) {
          expect(steps).toBeLessThan(UNIT_STATUSES.length);
          const t = forward.find((f) => f.from === s);
          expect(t).toBeDefined();
          if (t) s = t.to;
        }
      }),
    );
  });
});
