import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  couponListSchema,
  couponParams,
  couponSchema,
  issueCouponSchema,
  issuedCouponListSchema,
  issuedCouponParams,
  issuedCouponSchema,
  pointsHistorySchema,
  pointsQuerySchema,
  postPointsResultSchema,
  postPointsSchema,
  upsertCouponSchema,
} from '../../contracts/member-benefits';
import { memberParams } from '../../contracts/members';
import { principalOf } from '../auth/plugin';
import type { Db } from '../db/client';
import { errorResponses, idempotencyHeaders } from '../http/route-schemas';
import { getCoupon, issueCoupon, listCoupons, listIssuedCoupons, upsertCoupon, withdrawCoupon } from './coupon-service';
import { pointsHistory, postPoints } from './points-service';
import { runMemberWrite } from './run-write';

const tags = ['members'];
const config = { access: 'catalog.write' as const };
/** A points post is not naturally idempotent (two posts earn twice), so its key is required. */
const requiredKey = z.object({ 'idempotency-key': z.string().min(1).max(200) });

/** Coupon definitions, coupons issued to members, and points, by the storefront's ids (issue 10). */
export const memberBenefitRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/v1/coupons',
    { config, schema: { tags, summary: '쿠폰 목록 (Coupon definitions)', response: { 200: couponListSchema, ...errorResponses } } },
    async (request) => listCoupons(db, principalOf(request).shopId),
  );

  app.get(
    '/api/v1/coupons/:externalId',
    { config, schema: { tags, summary: '쿠폰 (A coupon definition)', params: couponParams, response: { 200: couponSchema, ...errorResponses } } },
    async (request) => getCoupon(db, principalOf(request).shopId, request.params.externalId),
  );

  app.put(
    '/api/v1/coupons/:externalId',
    {
      config,
      schema: {
        tags,
        summary: '쿠폰 등록 · 수정 (Create or replace a coupon definition)',
        description:
          '`fixed`: `value` won off; `rate`: `value` percent off (whole, 1–100), capped by `maxDiscount`. Coupons already issued follow the new rule; ' +
          'orders keep what they were charged. `active: false` stops issuing it and makes issued ones unusable. 201 when created, 200 otherwise.',
        params: couponParams,
        headers: idempotencyHeaders,
        body: upsertCouponSchema,
        response: { 200: couponSchema, 201: couponSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { status, body } = await runMemberWrite(db, request, (tx, shopId) => upsertCoupon(tx, shopId, request.params.externalId, request.body));
      return reply.code(status).send(body);
    },
  );

  app.get(
    '/api/v1/members/:externalId/coupons',
    {
      config,
      schema: { tags, summary: '회원의 발급 쿠폰 (Coupons issued to a member, every status, newest first)', params: memberParams, response: { 200: issuedCouponListSchema, ...errorResponses } },
    },
    async (request) => listIssuedCoupons(db, principalOf(request).shopId, request.params.externalId),
  );

  app.put(
    '/api/v1/members/:externalId/coupons/:issuedExternalId',
    {
      config,
      schema: {
        tags,
        summary: '쿠폰 발급 (Issue a coupon to a member under the storefront’s id)',
        description:
          'The same body again changes nothing (200). Another coupon or expiry re-points it, unless an order used it (`ISSUED_COUPON_USED`). ' +
          'The id is unique in the shop (`ISSUED_COUPON_OTHER_MEMBER`). An inactive coupon is not issued (`COUPON_INACTIVE`). 201 when issued.',
        params: issuedCouponParams,
        headers: idempotencyHeaders,
        body: issueCouponSchema,
        response: { 200: issuedCouponSchema, 201: issuedCouponSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { externalId, issuedExternalId } = request.params;
      const { status, body } = await runMemberWrite(db, request, (tx, shopId, now) => issueCoupon(tx, shopId, externalId, issuedExternalId, request.body, now));
      return reply.code(status).send(body);
    },
  );

  app.post(
    '/api/v1/members/:externalId/coupons/:issuedExternalId/withdraw',
    {
      config,
      schema: {
        tags,
        summary: '쿠폰 회수 (Withdraw a coupon the member has not used)',
        description: 'It stays listed with status `expired`. A used coupon cannot be withdrawn (`ISSUED_COUPON_USED`); withdrawing twice is a no-op.',
        params: issuedCouponParams,
        headers: idempotencyHeaders,
        response: { 200: issuedCouponSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { externalId, issuedExternalId } = request.params;
      return (await runMemberWrite(db, request, (tx, shopId, now) => withdrawCoupon(tx, shopId, externalId, issuedExternalId, now))).body;
    },
  );

  app.get(
    '/api/v1/members/:externalId/points',
    {
      config,
      schema: {
        tags,
        summary: '적립금 내역 (Points balance and entries, newest first)',
        description: 'Entries the storefront posted (earned, spent, adjusted, expired) and the ones Jumun’s orders made (used, restored, with `orderId`). Pages by `cursor`.',
        params: memberParams,
        querystring: pointsQuerySchema,
        response: { 200: pointsHistorySchema, ...errorResponses },
      },
    },
    async (request) => pointsHistory(db, principalOf(request).shopId, request.params.externalId, request.query),
  );

  app.post(
    '/api/v1/members/:externalId/points',
    {
      config,
      schema: {
        tags,
        summary: '적립금 적립 · 차감 (Post a points entry)',
        description:
          '`Idempotency-Key` is required: a repeat answers the first entry and posts nothing. `amount` is won; the kind gives the sign (earned +, spent and expired −; ' +
          'adjusted takes a signed amount). The balance never goes below 0 (`POINTS_EXCEED_BALANCE`, nothing written). Answers the entry and the new balance.',
        params: memberParams,
        headers: requiredKey,
        body: postPointsSchema,
        response: { 201: postPointsResultSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { status, body } = await runMemberWrite(db, request, (tx, shopId, now) => postPoints(tx, shopId, request.params.externalId, request.body, now));
      return reply.code(status).send(body);
    },
  );
};
