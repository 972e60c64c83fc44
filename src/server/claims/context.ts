import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../domain/events';
import { actorOf } from '../auth/actor';
import { principalOf } from '../auth/plugin';
import type { Principal } from '../auth/principal';
import { languageOf, type Lang } from '../http/errors';
import { buyerActor, type BuyerPrincipal } from '../my/principal';

/** Who changes which order, when, and in which language errors explain themselves. */
export interface ClaimContext {
  shopId: number;
  orderId: number;
  actor: Actor;
  /** Who asked: staff, an API key, a buyer on My Page, or a scheduled job ('system'). */
  requestedBy: 'staff' | 'api' | 'buyer' | 'system';
  /**
   * The staff member or API key asking, for the checks that depend on what is asked (a refund's
   * ceiling, reverting a completion); buyers and scheduled jobs have no permissions to check.
   */
  principal?: Principal;
  lang: Lang;
  now: Date;
}

export function claimContext(request: FastifyRequest & { params: { orderId: number } }, now: Date): ClaimContext {
  const principal = principalOf(request);
  return {
    shopId: principal.shopId,
    orderId: request.params.orderId,
    actor: actorOf(principal),
    requestedBy: principal.kind === 'staff' ? 'staff' : 'api',
    principal,
    lang: languageOf(request),
    now,
  };
}

/**
 * The same context for a buyer on My Page: the buyer is the actor on the timeline and the claim
 * records that the buyer asked. The order is the one the buyer's own access rule found.
 */
export function buyerClaimContext(buyer: BuyerPrincipal, orderId: number, lang: Lang, now: Date): ClaimContext {
  return { shopId: buyer.shopId, orderId, actor: buyerActor(buyer), requestedBy: 'buyer', lang, now };
}
