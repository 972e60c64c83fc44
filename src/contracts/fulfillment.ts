import { z } from 'zod';
import { id, isoDateTime, phone, postcode, signedWon, won } from './common';
import { addressInputSchema } from './orders';

/**
 * Per-unit statuses as the API names them. Contracts import nothing from the domain (the web reads
 * them), so the list is repeated here; test/fulfillment-status.test.ts keeps it equal to
 * UNIT_STATUSES in src/domain/status.ts.
 */
export const UNIT_STATUS_VALUES = [
  'awaiting_payment', 'paid', 'preparing', 'ready_to_ship', 'shipping', 'delivered', 'purchase_confirmed',
  'cancel_requested', 'cancelled', 'return_requested', 'return_collecting', 'return_collected', 'returned',
  'exchange_requested', 'exchange_collecting', 'exchange_collected', 'exchange_reshipped', 'exchanged',
] as const;
export const unitStatusSchema = z.enum(UNIT_STATUS_VALUES);

const quantity = z.number().int().min(1).max(9999);

export const shipmentInputSchema = z.object({
  courier: z.string().trim().min(1).max(50).meta({ example: 'CJ대한통운' }),
  /** Kept as text: 12+ digit numbers lose digits as JSON numbers or Excel cells. */
  trackingNumber: z.string().trim().regex(/^[0-9A-Za-z-]{4,40}$/, '송장번호는 숫자·영문·하이픈 4~40자입니다').meta({ example: '640123456789' }),
});

export const statusChangeBodySchema = z
  .object({
    changes: z
      .array(z.object({ shipmentGroupId: id, itemId: id, quantity, to: unitStatusSchema }))
      .min(1)
      .max(200),
    /** Required when any change ships units (→ shipping); one parcel per request. */
    shipment: shipmentInputSchema.optional(),
  })
  .meta({ id: 'StatusChangeRequest' });
export type StatusChangeBody = z.infer<typeof statusChangeBodySchema>;

export const statusChangeResultSchema = z
  .object({
    moves: z.array(
      z.object({
        itemId: id,
        quantity: z.number().int(),
        from: unitStatusSchema,
        to: unitStatusSchema,
        kind: z.enum(['forward', 'revert']),
        fromShipmentGroupId: id,
        toShipmentGroupId: id,
      }),
    ),
    createdShipmentGroupIds: z.array(id),
    removedShipmentGroupIds: z.array(id),
  })
  .meta({ id: 'StatusChangeResult' });
export type StatusChangeResult = z.infer<typeof statusChangeResultSchema>;

export const depositConfirmationBodySchema = z
  .object({
    /** The pending 무통장/가상계좌 payment; may be left out when the order has one. */
    paymentId: id.optional(),
    depositorName: z.string().trim().min(1).max(50).optional(),
    depositedAt: isoDateTime.optional(),
  })
  .meta({ id: 'DepositConfirmationRequest' });

export const depositRevertBodySchema = z.object({ paymentId: id.optional() }).meta({ id: 'DepositRevertRequest' });

export const depositResultSchema = z
  .object({ paymentId: id, amount: won, units: z.number().int(), shipmentGroupIds: z.array(id) })
  .meta({ id: 'DepositResult' });
export type DepositResult = z.infer<typeof depositResultSchema>;

export const addAddressBodySchema = addressInputSchema.meta({ id: 'AddAddressRequest' });

export const editAddressBodySchema = z
  .object({
    recipientName: z.string().trim().min(1).max(50).optional(),
    recipientPhone: phone.optional(),
    postcode: postcode.optional(),
    address1: z.string().trim().min(1).max(200).optional(),
    address2: z.string().trim().max(200).optional(),
    /** null clears the note. */
    deliveryNote: z.string().trim().max(200).nullable().optional(),
  })
  .meta({ id: 'EditAddressRequest' });

export const allocationBodySchema = z
  .object({ moves: z.array(z.object({ fromShipmentGroupId: id, itemId: id, quantity })).min(1).max(200) })
  .meta({ id: 'AllocationRequest' });

/**
 * The order's money never changes with an address: the difference in remote-area surcharge the
 * shop's rule would charge is reported, and settled through an order edit if staff choose to.
 */
const remoteFee = {
  remoteFeeDifference: signedWon,
  remoteFeeSettlement: z.enum(['none', 'order_edit']),
};

export const addressResultSchema = z.object({ addressId: id, position: z.number().int(), ...remoteFee }).meta({ id: 'AddressResult' });
export type AddressResult = z.infer<typeof addressResultSchema>;

export const allocationResultSchema = z
  .object({
    addressId: id,
    moves: z.array(z.object({ itemId: id, quantity: z.number().int(), fromShipmentGroupId: id, toShipmentGroupId: id })),
    createdShipmentGroupIds: z.array(id),
    removedShipmentGroupIds: z.array(id),
    ...remoteFee,
  })
  .meta({ id: 'AllocationResult' });
export type AllocationResult = z.infer<typeof allocationResultSchema>;
