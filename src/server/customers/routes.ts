import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  gradeListSchema,
  gradeParams,
  gradeSchema,
  memberBatchResultSchema,
  memberBatchSchema,
  memberListQuerySchema,
  memberListSchema,
  memberParams,
  memberSchema,
  upsertGradeSchema,
  upsertMemberSchema,
} from '../../contracts/members';
import { principalOf } from '../auth/plugin';
import type { Db } from '../db/client';
import { languageOf } from '../http/errors';
import { errorResponses, idempotencyHeaders } from '../http/route-schemas';
import { upsertMemberBatch } from './batch';
import { getMember, listGrades, listMembers } from './member-reads';
import { memberView } from './queries';
import { runMemberWrite } from './run-write';
import { gradeLookup, upsertGrade, upsertMember } from './service';

const tags = ['members'];
/** What a storefront feeds Jumun: its API key, or a manager or owner doing it by hand. */
const config = { access: 'catalog.write' as const };

/** Member grades and members, by grade name and the storefront's member id (issue 10). */
export const memberRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/v1/member-grades',
    { config, schema: { tags, summary: '회원 등급 목록 (Member grades, by position)', response: { 200: gradeListSchema, ...errorResponses } } },
    async (request) => listGrades(db, principalOf(request).shopId),
  );

  app.put(
    '/api/v1/member-grades/:name',
    {
      config,
      schema: {
        tags,
        summary: '회원 등급 등록 · 수정 (Create or update a grade by name)',
        description: 'The name is the grade’s identity in the shop. 201 when created, 200 otherwise. Orders keep the rate they were placed with.',
        params: gradeParams,
        headers: idempotencyHeaders,
        body: upsertGradeSchema,
        response: { 200: gradeSchema, 201: gradeSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { status, body } = await runMemberWrite(db, request, (tx, shopId) => upsertGrade(tx, shopId, request.params.name, request.body));
      return reply.code(status).send(body);
    },
  );

  app.get(
    '/api/v1/members',
    {
      config,
      schema: {
        tags,
        summary: '회원 목록 (Members, by keyword)',
        description: '`keyword` matches part of the name, e-mail, phone (with or without hyphens) or storefront id. Pages by `cursor` (`nextCursor`, same keyword).',
        querystring: memberListQuerySchema,
        response: { 200: memberListSchema, ...errorResponses },
      },
    },
    async (request) => listMembers(db, principalOf(request).shopId, request.query),
  );

  app.post(
    '/api/v1/members/batch',
    {
      config,
      schema: {
        tags,
        summary: '회원 일괄 동기화 (Upsert up to 1,000 members)',
        description:
          'Each row (MemberBatchRow: `externalId` plus the fields of PUT /api/v1/members/{externalId}) is validated and written on its own: ' +
          'the answer lists every row with `outcome` created, updated, unchanged or refused (with the error; nothing of that row is written). ' +
          'A member id that appears twice is refused the second time (`MEMBER_BATCH_DUPLICATE`).',
        headers: idempotencyHeaders,
        body: memberBatchSchema,
        response: { 200: memberBatchResultSchema, ...errorResponses },
      },
    },
    async (request) => {
      const lang = languageOf(request);
      return (await runMemberWrite(db, request, async (tx, shopId, now) => ({ status: 200, body: await upsertMemberBatch(tx, shopId, request.body.members, lang, now) }))).body;
    },
  );

  app.get(
    '/api/v1/members/:externalId',
    {
      config,
      schema: {
        tags,
        summary: '회원 (A member, with grade, points balance and usable coupons)',
        description: 'Another shop’s member answers 404 `MEMBER_NOT_FOUND`, like one that does not exist.',
        params: memberParams,
        response: { 200: memberSchema, ...errorResponses },
      },
    },
    async (request) => getMember(db, principalOf(request).shopId, request.params.externalId),
  );

  app.put(
    '/api/v1/members/:externalId',
    {
      config,
      schema: {
        tags,
        summary: '회원 등록 · 수정 (Create or replace a member by the storefront’s id)',
        description:
          'The body is the member as the storefront has it now: optional fields left out are cleared. 201 when created, 200 otherwise ' +
          '(nothing is written when the member is already so). `grade` must name an existing grade (`MEMBER_GRADE_UNKNOWN`); ' +
          'an e-mail another member holds is refused (`MEMBER_EMAIL_TAKEN`). Points and coupons are not part of the member: see …/points and …/coupons.',
        params: memberParams,
        headers: idempotencyHeaders,
        body: upsertMemberSchema,
        response: { 200: memberSchema, 201: memberSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { status, body } = await runMemberWrite(db, request, async (tx, shopId, now) => {
        const { outcome, customerId } = await upsertMember(tx, shopId, request.params.externalId, request.body, gradeLookup(tx, shopId), now);
        return { status: outcome === 'created' ? 201 : 200, body: await memberView(tx, shopId, customerId, now) };
      });
      return reply.code(status).send(body);
    },
  );
};
