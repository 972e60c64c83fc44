import { z } from 'zod';

export const STAFF_ROLES = ['owner', 'manager', 'staff', 'viewer'] as const;
export const staffRole = z.enum(STAFF_ROLES);

export const loginRequestSchema = z.object({ email: z.email().max(200), password: z.string().min(1).max(200) }).meta({ id: 'LoginRequest' });

export const staffMeSchema = z
  .object({
    staff: z.object({ id: z.number().int(), email: z.string(), name: z.string(), role: staffRole }),
    shop: z.object({ id: z.number().int(), name: z.string() }),
  })
  .meta({ id: 'StaffMe' });
export type StaffMe = z.infer<typeof staffMeSchema>;
