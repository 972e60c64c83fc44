import type { CreateStaffInvitation, StaffInvitation, StaffMember, StaffTokenInfo, UpdateStaff } from '../../contracts/staff';
import { mayAssignRole, type StaffRole } from '../../domain/permissions';
import { recordAuditEvent } from '../audit/record';
import type { Principal } from '../auth/principal';
import { hashPassword, sha256 } from '../auth/secrets';
import { startSession, type SessionCookie } from '../auth/service';
import type { Db, Executor } from '../db/client';
import { AppError } from '../http/errors';
import { createStaff } from '../shops/service';
import { createStaffToken, parseLink } from './links';
import {
  countActiveOwnersLocked,
  deleteStaffSessions,
  findPendingInvitationByEmail,
  findStaffInShopByEmail,
  findStaffToken,
  listPendingInvitations,
  listShopStaff,
  lockStaff,
  markTokenUsed,
  revokePendingTokens,
  shopNameOf,
  updateStaffRow,
  type StaffRow,
  type StaffTokenRow,
} from './queries';

/** Who acts on staff: a signed-in owner (the route's `staff.manage`); API keys never manage staff. */
type Actor = Extract<Principal, { kind: 'staff' }>;
interface Context {
  now: Date;
  clientAddress: string;
}

export function staffActor(principal: Principal): Actor {
  if (principal.kind !== 'staff') throw new AppError('FORBIDDEN', { reason: 'staff session required' });
  return principal;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);
export const staffMemberOf = (r: StaffRow): StaffMember => ({
  id: r.id,
  email: r.email,
  name: r.name,
  role: r.role,
  active: r.active,
  lastSignInAt: iso(r.lastSignInAt),
  deactivatedAt: iso(r.deactivatedAt),
  createdAt: r.createdAt.toISOString(),
});
const invitationOf = (t: StaffTokenRow): StaffInvitation => ({ id: t.id, email: t.email, name: t.name, role: t.role, createdAt: t.createdAt.toISOString(), expiresAt: t.expiresAt.toISOString() });

export async function listStaff(db: Db, shopId: number, now: Date) {
  const [members, invitations] = await Promise.all([listShopStaff(db, shopId), listPendingInvitations(db, shopId, now)]);
  return { staff: members.map(staffMemberOf), invitations: invitations.map(invitationOf) };
}

/** An invitation of a new colleague; the link's secret goes back to the inviter once. */
export async function inviteStaff(db: Db, actor: Actor, input: CreateStaffInvitation, ctx: Context) {
  if (!mayAssignRole(actor.role, input.role)) throw new AppError('STAFF_ROLE_NOT_ALLOWED', { role: input.role });
  const email = input.email.trim().toLowerCase();
  return db.transaction(async (tx) => {
    if (await findStaffInShopByEmail(tx, actor.shopId, email)) throw new AppError('STAFF_EMAIL_TAKEN', { email });
    if (await findPendingInvitationByEmail(tx, actor.shopId, email, ctx.now)) throw new AppError('STAFF_ALREADY_INVITED', { email });
    const { token, secret } = await createStaffToken(tx, { shopId: actor.shopId, purpose: 'invite', email, name: input.name, role: input.role, createdBy: actor.staffId }, ctx.now);
    await recordAuditEvent(tx, { kind: 'staff_invited', shopId: actor.shopId, staffId: actor.staffId, subject: email, clientAddress: ctx.clientAddress, detail: { invitationId: token.id, role: input.role, name: input.name } });
    return { invitation: invitationOf(token), secret, shopName: await shopNameOf(tx, actor.shopId) };
  });
}

export async function revokeInvitation(db: Db, actor: Actor, invitationId: number, ctx: Context) {
  await db.transaction(async (tx) => {
    const [revoked] = await revokePendingTokens(tx, actor.shopId, { id: invitationId, purpose: 'invite' }, ctx.now);
    if (!revoked) throw new AppError('STAFF_INVITATION_NOT_FOUND', { invitationId });
    await recordAuditEvent(tx, { kind: 'staff_invite_revoked', shopId: actor.shopId, staffId: actor.staffId, subject: revoked.email, clientAddress: ctx.clientAddress, detail: { invitationId, role: revoked.role } });
  });
}

/** A link that can still be used, or why not: 404 for one that never existed, 410 for one used, revoked or expired. */
async function usableToken(db: Executor, token: string, now: Date, lock: boolean) {
  const parts = parseLink(token);
  const row = parts ? await findStaffToken(db, parts.shopId, sha256(parts.secret), lock) : undefined;
  if (!row) throw new AppError('STAFF_LINK_NOT_FOUND');
  const reason = row.usedAt ? 'used' : row.revokedAt ? 'revoked' : row.expiresAt <= now ? 'expired' : null;
  if (reason) throw new AppError('STAFF_LINK_GONE', { reason });
  return row;
}

export async function readStaffToken(db: Db, token: string, now: Date): Promise<StaffTokenInfo> {
  const row = await usableToken(db, token, now, false);
  return { purpose: row.purpose, shopName: await shopNameOf(db, row.shopId), email: row.email, name: row.name, role: row.role, expiresAt: row.expiresAt.toISOString() };
}

/**
 * Redeems a link with the password its holder chose: an invitation creates the account, a reset
 * sets the account's password and ends all its sessions. Either way the holder is signed in.
 */
export async function acceptStaffToken(db: Db, token: string, password: string, ctx: Context): Promise<SessionCookie> {
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const row = await usableToken(tx, token, ctx.now, true);
    const { shopId } = row;
    let staffId: number;
    if (row.purpose === 'invite') {
      // someone may have joined with this e-mail another way since the invitation was made
      if (await findStaffInShopByEmail(tx, shopId, row.email)) throw new AppError('STAFF_EMAIL_TAKEN', { email: row.email });
      staffId = await createStaff(tx, shopId, { email: row.email, name: row.name, role: row.role, passwordHash });
      await recordAuditEvent(tx, { kind: 'staff_joined', shopId, staffId, subject: row.email, clientAddress: ctx.clientAddress, detail: { invitationId: row.id, role: row.role, invitedBy: row.createdBy } });
    } else {
      const member = row.staffId === null ? undefined : await lockStaff(tx, shopId, row.staffId);
      if (!member) throw new AppError('STAFF_LINK_NOT_FOUND');
      if (!member.active) throw new AppError('STAFF_LINK_GONE', { reason: 'deactivated' });
      staffId = member.id;
      await updateStaffRow(tx, shopId, staffId, { passwordHash });
      await deleteStaffSessions(tx, shopId, staffId);
      await recordAuditEvent(tx, { kind: 'staff_password_reset', shopId, staffId, subject: member.email, clientAddress: ctx.clientAddress, detail: { step: 'password_set', linkId: row.id, issuedBy: row.createdBy } });
    }
    await markTokenUsed(tx, shopId, row.id, staffId, ctx.now);
    return startSession(tx, { shopId, id: staffId }, ctx.now);
  });
}

/** The rules every change to someone's role or activity obeys, checked with the owners' rows locked. */
async function guardOwnership(tx: Executor, actor: Actor, target: StaffRow, loses: boolean) {
  // the last owner first: it is the more useful answer when an only owner tries it on themself
  if (loses && target.role === 'owner' && target.active && (await countActiveOwnersLocked(tx, actor.shopId)) <= 1) throw new AppError('LAST_OWNER');
  if (target.id === actor.staffId) throw new AppError('STAFF_SELF_CHANGE');
}

async function lockedTarget(tx: Executor, actor: Actor, staffId: number) {
  const target = await lockStaff(tx, actor.shopId, staffId);
  if (!target) throw new AppError('STAFF_NOT_FOUND', { staffId });
  return target;
}

export async function updateStaff(db: Db, actor: Actor, staffId: number, change: UpdateStaff, ctx: Context): Promise<StaffMember> {
  return db.transaction(async (tx) => {
    let target = await lockedTarget(tx, actor, staffId);
    const role: StaffRole | undefined = change.role !== undefined && change.role !== target.role ? change.role : undefined;
    if (role !== undefined) {
      if (!mayAssignRole(actor.role, role)) throw new AppError('STAFF_ROLE_NOT_ALLOWED', { role });
      await guardOwnership(tx, actor, target, role !== 'owner');
    }
    const before = { role: target.role, name: target.name };
    const name = change.name !== undefined && change.name !== target.name ? change.name : undefined;
    if (role === undefined && name === undefined) return staffMemberOf(target);
    target = await updateStaffRow(tx, actor.shopId, staffId, { ...(role ? { role } : {}), ...(name ? { name } : {}) });
    if (role !== undefined) {
      await recordAuditEvent(tx, { kind: 'staff_role_changed', shopId: actor.shopId, staffId: actor.staffId, subject: target.email, clientAddress: ctx.clientAddress, detail: { targetStaffId: staffId, before: before.role, after: role } });
    }
    if (name !== undefined) {
      await recordAuditEvent(tx, { kind: 'settings_changed', shopId: actor.shopId, staffId: actor.staffId, subject: `staff:${target.email}`, clientAddress: ctx.clientAddress, detail: { targetStaffId: staffId, before: { name: before.name }, after: { name } } });
    }
    return staffMemberOf(target);
  });
}

/** Deactivation ends the person's sessions and open reset links at once; reactivation lets them sign in again with their password. */
export async function setStaffActive(db: Db, actor: Actor, staffId: number, active: boolean, ctx: Context): Promise<StaffMember> {
  return db.transaction(async (tx) => {
    const target = await lockedTarget(tx, actor, staffId);
    if (!active) await guardOwnership(tx, actor, target, true);
    else if (target.id === actor.staffId) throw new AppError('STAFF_SELF_CHANGE');
    if (target.active === active) return staffMemberOf(target);
    const row = await updateStaffRow(tx, actor.shopId, staffId, { active, deactivatedAt: active ? null : ctx.now });
    if (!active) {
      await deleteStaffSessions(tx, actor.shopId, staffId);
      await revokePendingTokens(tx, actor.shopId, { staffId, purpose: 'reset' }, ctx.now);
    }
    await recordAuditEvent(tx, { kind: active ? 'staff_reactivated' : 'staff_deactivated', shopId: actor.shopId, staffId: actor.staffId, subject: target.email, clientAddress: ctx.clientAddress, detail: { targetStaffId: staffId, role: target.role } });
    return staffMemberOf(row);
  });
}

/** A one-time link that sets a new password; an older reset link of the same person stops working. */
export async function issuePasswordReset(db: Db, actor: Actor, staffId: number, ctx: Context) {
  return db.transaction(async (tx) => {
    const target = await lockedTarget(tx, actor, staffId);
    if (!target.active) throw new AppError('STAFF_INACTIVE', { staffId });
    await revokePendingTokens(tx, actor.shopId, { staffId, purpose: 'reset' }, ctx.now);
    const { token, secret } = await createStaffToken(tx, { shopId: actor.shopId, purpose: 'reset', email: target.email, name: target.name, role: target.role, staffId, createdBy: actor.staffId }, ctx.now);
    await recordAuditEvent(tx, { kind: 'staff_password_reset', shopId: actor.shopId, staffId: actor.staffId, subject: target.email, clientAddress: ctx.clientAddress, detail: { step: 'link_issued', linkId: token.id, targetStaffId: staffId } });
    return { target, token, secret, shopName: await shopNameOf(tx, actor.shopId) };
  });
}
