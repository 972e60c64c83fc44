import { z } from 'zod';
import { id, isoDateTime } from './common';
import { staffRole } from './auth';

/** Shortest password a staff member may set (sign-in itself only asks for one). */
export const STAFF_PASSWORD_MIN = 10;
export const staffPassword = z.string().min(STAFF_PASSWORD_MIN).max(200);

export const staffMemberSchema = z
  .object({
    id,
    email: z.string(),
    name: z.string(),
    role: staffRole,
    active: z.boolean(),
    lastSignInAt: isoDateTime.nullable(),
    deactivatedAt: isoDateTime.nullable(),
    createdAt: isoDateTime,
  })
  .meta({ id: 'StaffMember' });
export type StaffMember = z.infer<typeof staffMemberSchema>;

export const staffInvitationSchema = z
  .object({ id, email: z.string(), name: z.string(), role: staffRole, createdAt: isoDateTime, expiresAt: isoDateTime })
  .meta({ id: 'StaffInvitation' });
export type StaffInvitation = z.infer<typeof staffInvitationSchema>;

export const staffListSchema = z.object({ staff: z.array(staffMemberSchema), invitations: z.array(staffInvitationSchema) }).meta({ id: 'StaffList' });
export type StaffList = z.infer<typeof staffListSchema>;

export const createStaffInvitationSchema = z
  .object({ email: z.email().max(200), name: z.string().trim().min(1).max(100), role: staffRole })
  .meta({ id: 'CreateStaffInvitation' });
export type CreateStaffInvitation = z.infer<typeof createStaffInvitationSchema>;

/**
 * A one-time link as its maker gets it: `path` is `/invite/<shopId>.<secret>` on the admin app,
 * `url` the same on JUMUN_PUBLIC_URL; `emailed` whether the shop's mail server took it.
 */
export const staffLinkSchema = z.object({ path: z.string(), url: z.string(), expiresAt: isoDateTime, emailed: z.boolean() }).meta({ id: 'StaffLink' });
export type StaffLink = z.infer<typeof staffLinkSchema>;

export const createdStaffInvitationSchema = z.object({ invitation: staffInvitationSchema, link: staffLinkSchema }).meta({ id: 'CreatedStaffInvitation' });
export type CreatedStaffInvitation = z.infer<typeof createdStaffInvitationSchema>;

export const updateStaffSchema = z
  .object({ role: staffRole.optional(), name: z.string().trim().min(1).max(100).optional() })
  .refine((v) => v.role !== undefined || v.name !== undefined, 'role or name')
  .meta({ id: 'UpdateStaff' });
export type UpdateStaff = z.infer<typeof updateStaffSchema>;

/** What the link page shows before the password is set. */
export const staffTokenInfoSchema = z
  .object({ purpose: z.enum(['invite', 'reset']), shopName: z.string(), email: z.string(), name: z.string(), role: staffRole, expiresAt: isoDateTime })
  .meta({ id: 'StaffTokenInfo' });
export type StaffTokenInfo = z.infer<typeof staffTokenInfoSchema>;

export const acceptStaffTokenSchema = z.object({ password: staffPassword }).meta({ id: 'AcceptStaffToken' });

export const staffIdParams = z.object({ staffId: z.coerce.number().pipe(id) });
export const invitationIdParams = z.object({ invitationId: z.coerce.number().pipe(id) });
export const staffTokenParams = z.object({ token: z.string().min(3).max(200) });
