import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { addAddressBodySchema, AddressResult, allocationBodySchema, AllocationResult, editAddressBodySchema } from '../../contracts/fulfillment';
import { addressAdded, addressChanged, addressRemoved, unitsReallocated, type Actor } from '../../domain/events';
import { addressHasShipped, nextAddressPosition, planAllocation, postcodesCarryingUnits, remoteFeeDifference, MAX_ADDRESSES } from '../../domain/fulfillment-addresses';
import type { GroupState } from '../../domain/fulfillment-moves';
import type { ShippingPolicy } from '../../domain/shipping-fee';
import { one, type Tx } from '../db/client';
import { orderAddresses, shipmentGroupItems, shipmentGroups } from '../db/schema/index';
import { AppError } from '../http/errors';
import type { ChangeOutcome, OrderRow } from '../orders/mutation';
import { policyOfOrder } from '../shops/policy';
import { heldGroupsOf, refuseHeld, withoutHeld } from '../payments/requests/held-units';
import { createdIds, loadAddresses, loadClaimOrigins, loadGroups, writePlan } from './queries';
import { refuse } from './refuse';

type AddressRow = Awaited<ReturnType<typeof loadAddresses>>[number];
const EDITABLE = ['recipientName', 'recipientPhone', 'postcode', 'address1', 'address2', 'deliveryNote'] as const;

/** The order's own shipping rules (the policy version it was placed under), not today's. */
async function shippingPolicyOf(tx: Tx, order: OrderRow): Promise<ShippingPolicy> {
  return (await policyOfOrder(tx, order.shopId, order.id)).shipping;
}

async function findAddress(tx: Tx, order: OrderRow, addressId: number): Promise<{ address: AddressRow; addresses: AddressRow[] }> {
  const addresses = await loadAddresses(tx, order.shopId, order.id);
  const address = addresses.find((a) => a.id === addressId);
  if (!address) throw new AppError('ADDRESS_NOT_FOUND', { addressId });
  return { address, addresses };
}

/** The surcharge difference of moving from one set of groups/addresses to another; money itself is untouched. */
async function feeDifference(tx: Tx, order: OrderRow, before: { addresses: readonly AddressRow[]; groups: ReadonlyArray<Pick<GroupState, 'addressId' | 'items'>> }, after: typeof before) {
  const difference = remoteFeeDifference(
    await shippingPolicyOf(tx, order),
    order.itemsAmount,
    postcodesCarryingUnits(before.addresses, before.groups),
    postcodesCarryingUnits(after.addresses, after.groups),
  );
  return { remoteFeeDifference: difference, remoteFeeSettlement: difference === 0 ? ('none' as const) : ('order_edit' as const) };
}

/** 배송지 추가: up to 5 per order; an address starts empty, units are moved to it by allocation. */
export async function addAddress(tx: Tx, order: OrderRow, body: z.infer<typeof addAddressBodySchema>, actor: Actor, now: Date): Promise<ChangeOutcome<AddressResult>> {
  const addresses = await loadAddresses(tx, order.shopId, order.id);
  const position = nextAddressPosition(addresses.map((a) => a.position));
  if (position === null) throw new AppError('TOO_MANY_ADDRESSES', { max: MAX_ADDRESSES });
  const rows = await tx
    .insert(orderAddresses)
    .values({ shopId: order.shopId, orderId: order.id, position, ...body, deliveryNote: body.deliveryNote ?? null, createdAt: now })
    .returning({ id: orderAddresses.id });
  const addressId = one(rows, 'address').id;
  return { events: [addressAdded(actor, { addressId, position })], result: { addressId, position, remoteFeeDifference: 0, remoteFeeSettlement: 'none' } };
}

/** 배송지 수정: refused once anything at the address has shipped (the parcel already has the old one). */
export async function editAddress(
  tx: Tx,
  order: OrderRow,
  addressId: number,
  body: z.infer<typeof editAddressBodySchema>,
  actor: Actor,
): Promise<ChangeOutcome<AddressResult>> {
  const given = EDITABLE.filter((f) => body[f] !== undefined);
  if (given.length === 0) throw new AppError('VALIDATION_FAILED', { reason: `send at least one of ${EDITABLE.join(', ')}` });
  const { address, addresses } = await findAddress(tx, order, addressId);
  const groups = await loadGroups(tx, order.shopId, order.id);
  if (addressHasShipped(addressId, groups, await loadClaimOrigins(tx, order.shopId, order.id))) throw new AppError('ADDRESS_ALREADY_SHIPPED', { addressId });

  const patch = {
    recipientName: body.recipientName ?? address.recipientName,
    recipientPhone: body.recipientPhone ?? address.recipientPhone,
    postcode: body.postcode ?? address.postcode,
    address1: body.address1 ?? address.address1,
    address2: body.address2 ?? address.address2,
    deliveryNote: body.deliveryNote === undefined ? address.deliveryNote : body.deliveryNote,
  };
  const changed = EDITABLE.filter((f) => patch[f] !== address[f]);
  const result = { addressId, position: address.position, remoteFeeDifference: 0, remoteFeeSettlement: 'none' as const };
  if (changed.length === 0) return { events: [], result };
  const updated = { ...address, ...patch };
  await tx.update(orderAddresses).set(patch).where(and(eq(orderAddresses.shopId, order.shopId), eq(orderAddresses.id, addressId)));
  const fee = await feeDifference(tx, order, { addresses, groups }, { addresses: addresses.map((a) => (a.id === addressId ? updated : a)), groups });
  return { events: [addressChanged(actor, { addressId, fields: changed, remoteFeeDifference: fee.remoteFeeDifference })], result: { ...result, ...fee } };
}

/**
 * 배송지 삭제: only an address without units. Empty groups left there go with it, unless a claim
 * would put units back into one (withdrawing a cancel returns them where they were).
 */
export async function deleteAddress(tx: Tx, order: OrderRow, addressId: number, actor: Actor): Promise<ChangeOutcome<AddressResult>> {
  const { address } = await findAddress(tx, order, addressId);
  const here = (await loadGroups(tx, order.shopId, order.id)).filter((g) => g.addressId === addressId);
  const units = here.reduce((sum, g) => sum + g.items.reduce((s, u) => s + u.quantity, 0), 0);
  const ids = here.map((g) => g.id);
  const claimOrigins = (await loadClaimOrigins(tx, order.shopId, order.id)).filter((c) => ids.includes(c.fromShipmentGroupId));
  if (units > 0 || claimOrigins.length > 0) throw new AppError('ADDRESS_NOT_EMPTY', { addressId, units, claimedUnitsFromHere: claimOrigins.length });
  if (ids.length > 0) {
    await tx.delete(shipmentGroupItems).where(and(eq(shipmentGroupItems.shopId, order.shopId), inArray(shipmentGroupItems.shipmentGroupId, ids)));
    await tx.delete(shipmentGroups).where(and(eq(shipmentGroups.shopId, order.shopId), inArray(shipmentGroups.id, ids)));
  }
  await tx.delete(orderAddresses).where(and(eq(orderAddresses.shopId, order.shopId), eq(orderAddresses.id, addressId)));
  return { events: [addressRemoved(actor, { addressId })], result: { addressId, position: address.position, remoteFeeDifference: 0, remoteFeeSettlement: 'none' } };
}

/** 배송지 지정: moves quantities of unshipped units to the address, keeping their status. */
export async function allocateToAddress(
  tx: Tx,
  order: OrderRow,
  addressId: number,
  body: z.infer<typeof allocationBodySchema>,
  actor: Actor,
  now: Date,
): Promise<ChangeOutcome<AllocationResult>> {
  const { addresses } = await findAddress(tx, order, addressId);
  // units waiting for an edit's additional payment stay where the edit put them, and nothing joins their groups
  const held = new Set((await heldGroupsOf(tx, order.shopId, order.id)).map((h) => h.id));
  refuseHeld(held, body.moves.map((m) => ({ shipmentGroupId: m.fromShipmentGroupId, itemId: m.itemId })));
  const all = await loadGroups(tx, order.shopId, order.id);
  const groups = withoutHeld(all, held);
  const keep = new Set((await loadClaimOrigins(tx, order.shopId, order.id)).map((c) => c.fromShipmentGroupId));
  const planned = planAllocation(groups, addressId, body.moves, keep);
  if (!planned.ok) refuse(planned);
  const { plan } = planned;
  const heldGroups = all.filter((g) => held.has(g.id));
  const fee = await feeDifference(tx, order, { addresses, groups: all }, { addresses, groups: [...plan.groups, ...heldGroups] });
  const idOf = await writePlan(tx, order.shopId, order.id, groups, plan, now);
  const addressOf = (groupId: number) => groups.find((g) => g.id === groupId)?.addressId ?? 0;
  const moves = plan.moved.map((m) => ({ itemId: m.itemId, quantity: m.quantity, fromShipmentGroupId: m.fromGroupId, toShipmentGroupId: idOf(m.toGroup) }));
  const event = unitsReallocated(actor, {
    toAddressId: addressId,
    moves: plan.moved.map((m) => ({ itemId: m.itemId, quantity: m.quantity, fromAddressId: addressOf(m.fromGroupId) })),
    remoteFeeDifference: fee.remoteFeeDifference,
  });
  return { events: [event], result: { addressId, moves, createdShipmentGroupIds: createdIds(plan, idOf), removedShipmentGroupIds: plan.removedGroupIds, ...fee } };
}
