import { z } from 'zod';
import { PERMISSION_NAMES, STAFF_ROLES } from '../domain/permissions';

export { STAFF_ROLES };
export const staffRole = z.enum(STAFF_ROLES);

export const loginRequestSchema = z
  .object({
    email: z.email().max(200),
    password: z.string().min(1).max(200),
    /** The shop to sign in to, when the e-mail has accounts in several (the answer's `chooseShop`). */
    shopId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
  })
  .meta({ id: 'LoginRequest' });

/** The sign-in's answer when the password opened accounts in several shops: choose one and sign in again with its id. */
export const chooseShopSchema = z.object({ chooseShop: z.array(z.object({ id: z.number().int(), name: z.string() })) }).meta({ id: 'ChooseShop' });
export type ChooseShop = z.infer<typeof chooseShopSchema>;

export const staffMeSchema = z
  .object({
    staff: z.object({ id: z.number().int(), email: z.string(), name: z.string(), role: staffRole }),
    shop: z.object({ id: z.number().int(), name: z.string() }),
    /** What this staff member may do (the domain's permission table for their role): the screens offer only these. */
    permissions: z.array(z.enum(PERMISSION_NAMES as [string, ...string[]])),
  })
  .meta({ id: 'StaffMe' });
export type StaffMe = z.infer<typeof staffMeSchema>;
