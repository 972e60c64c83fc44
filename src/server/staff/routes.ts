import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponseSchema } from '../../contracts/errors';
import {
  acceptStaffTokenSchema,
  createdStaffInvitationSchema,
  createStaffInvitationSchema,
  invitationIdParams,
  staffIdParams,
  staffLinkSchema,
  staffListSchema,
  staffMemberSchema,
  staffTokenInfoSchema,
  staffTokenParams,
  updateStaffSchema,
} from '../../contracts/staff';
import { principalOf } from '../auth/plugin';
import { setSessionCookie } from '../auth/service';
import type { Db } from '../db/client';
import { errorResponses } from '../http/route-schemas';
import { smtpMailer } from '../notifications/transports';
import { absoluteUrl, linkPath, mailStaffLink, type Mailer } from './links';
import { acceptStaffToken, inviteStaff, issuePasswordReset, listStaff, readStaffToken, revokeInvitation, setStaffActive, staffActor, updateStaff } from './service';

export interface StaffRouteOptions {
  db: Db;
  secureCookies: boolean | 'auto';
}

// a person waits for the answer that carries the link: a slow mail server must not hold it long
const mailer: Mailer = smtpMailer(10_000);

const tags = ['staff'];
const read = { access: 'staff.read' as const };
const manage = { access: 'staff.manage' as const };
const publicLink = { access: 'public' as const, rateLimit: { max: 30, timeWindow: '1 minute' } };
const linkErrors = { 404: errorResponseSchema, 410: errorResponseSchema, 409: errorResponseSchema, 400: errorResponseSchema };

/**
 * 직원 관리: the list for managers and owners; every change (invitations, roles, deactivation,
 * password-reset links) for owners. The two public routes are the link page's: who was invited to
 * which shop, and setting the password (which signs the holder in).
 */
export const staffRoutes: FastifyPluginAsyncZod<StaffRouteOptions> = async (app, { db, secureCookies }) => {
  const ctx = (ip: string) => ({ now: new Date(), clientAddress: ip });

  app.get('/api/v1/staff', { config: read, schema: { tags, summary: '직원 목록과 대기 중인 초대 (Staff and pending invitations)', response: { 200: staffListSchema, ...errorResponses } } }, async (request) =>
    listStaff(db, principalOf(request).shopId, new Date()),
  );

  app.post(
    '/api/v1/staff-invitations',
    {
      config: manage,
      schema: {
        tags,
        summary: '직원 초대 (Invite a staff member)',
        description:
          'Answers a one-time link (`/invite/<shopId>.<secret>`, 7 days) that only this answer ever shows; it is also mailed when the shop has a mail server (`emailed`). ' +
          'An e-mail already on staff answers 409 `STAFF_EMAIL_TAKEN`, one already invited 409 `STAFF_ALREADY_INVITED`.',
        body: createStaffInvitationSchema,
        response: { 201: createdStaffInvitationSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { invitation, secret, shopName } = await inviteStaff(db, staffActor(principalOf(request)), request.body, ctx(request.ip));
      const path = linkPath(principalOf(request).shopId, secret);
      const emailed = await mailStaffLink(db, mailer, { shopId: principalOf(request).shopId, shopName, to: invitation.email, name: invitation.name, purpose: 'invite', role: invitation.role, url: absoluteUrl(path) });
      return reply.code(201).send({ invitation, link: { path, url: absoluteUrl(path), expiresAt: invitation.expiresAt, emailed } });
    },
  );

  app.delete(
    '/api/v1/staff-invitations/:invitationId',
    { config: manage, schema: { tags, summary: '초대 취소 (Revoke an invitation)', params: invitationIdParams, response: { 204: z.undefined(), ...errorResponses } } },
    async (request, reply) => {
      await revokeInvitation(db, staffActor(principalOf(request)), request.params.invitationId, ctx(request.ip));
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/v1/staff-invitations/:token',
    {
      config: publicLink,
      schema: {
        tags,
        summary: '초대·비밀번호 재설정 링크 확인 (What a one-time link is for)',
        security: [],
        description: 'A link that never existed answers 404 `STAFF_LINK_NOT_FOUND`; one used, revoked or expired 410 `STAFF_LINK_GONE` with `details.reason`.',
        params: staffTokenParams,
        response: { 200: staffTokenInfoSchema, ...linkErrors },
      },
    },
    async (request) => readStaffToken(db, request.params.token, new Date()),
  );

  app.post(
    '/api/v1/staff-invitations/:token/accept',
    {
      config: publicLink,
      schema: {
        tags,
        summary: '링크로 비밀번호 설정 (Set the password: join, or reset)',
        security: [],
        description: 'An invitation creates the account; a reset sets the password and ends every other session of the account. Either signs the holder in (sets the session cookie).',
        params: staffTokenParams,
        body: acceptStaffTokenSchema,
        response: { 204: z.undefined(), ...linkErrors },
      },
    },
    async (request, reply) => {
      const session = await acceptStaffToken(db, request.params.token, request.body.password, ctx(request.ip));
      setSessionCookie(reply, session, secureCookies);
      return reply.code(204).send();
    },
  );

  app.patch(
    '/api/v1/staff/:staffId',
    {
      config: manage,
      schema: {
        tags,
        summary: '직원 권한·이름 변경 (Change role or name)',
        description: 'Nobody changes their own role (409 `STAFF_SELF_CHANGE`); the last active owner is never demoted (409 `LAST_OWNER`).',
        params: staffIdParams,
        body: updateStaffSchema,
        response: { 200: staffMemberSchema, ...errorResponses },
      },
    },
    async (request) => updateStaff(db, staffActor(principalOf(request)), request.params.staffId, request.body, ctx(request.ip)),
  );

  for (const [action, active] of [['deactivate', false], ['reactivate', true]] as const) {
    app.post(
      `/api/v1/staff/:staffId/${action}`,
      {
        config: manage,
        schema: {
          tags,
          summary: active ? '직원 다시 활성화 (Reactivate)' : '직원 비활성화 (Deactivate: sessions end at once, sign-in refused)',
          description: active ? 'The person signs in again with their password.' : 'Nobody deactivates themself (409 `STAFF_SELF_CHANGE`); never the last active owner (409 `LAST_OWNER`).',
          params: staffIdParams,
          response: { 200: staffMemberSchema, ...errorResponses },
        },
      },
      async (request) => setStaffActive(db, staffActor(principalOf(request)), request.params.staffId, active, ctx(request.ip)),
    );
  }

  app.post(
    '/api/v1/staff/:staffId/password-resets',
    {
      config: manage,
      schema: {
        tags,
        summary: '비밀번호 재설정 링크 (A one-time password-reset link)',
        description: 'Valid 24 hours, on the same page as invitations; setting the new password ends the person\'s sessions. Mailed too when the shop has a mail server.',
        params: staffIdParams,
        response: { 201: staffLinkSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { target, token, secret, shopName } = await issuePasswordReset(db, staffActor(principalOf(request)), request.params.staffId, ctx(request.ip));
      const path = linkPath(target.shopId, secret);
      const emailed = await mailStaffLink(db, mailer, { shopId: target.shopId, shopName, to: target.email, name: target.name, purpose: 'reset', role: target.role, url: absoluteUrl(path) });
      return reply.code(201).send({ path, url: absoluteUrl(path), expiresAt: token.expiresAt.toISOString(), emailed });
    },
  );
};
