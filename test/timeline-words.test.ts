import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderDetail } from '../src/contracts/orders';
import type { TimelineResponse } from '../src/contracts/timeline';
import { queryRows, sql } from '../src/server/db/client';
import { seedOrders } from '../src/server/seed/seed';
import { startTestServer, type TestServer } from './support/server';

/**
 * The timelines of busy orders, as staff read them in Korean and English: one line per change,
 * words instead of codes, and in English no Korean but the shop's own data. Demo orders are used
 * because the seed walks orders through every step (payments, deposits, shipping, claims, refunds,
 * memos) with the same event constructors and descriptions the services use.
 */
let server: TestServer;
let orderIds: number[];

type EventEntry = Extract<TimelineResponse['entries'][number], { kind: 'event' }>;

const SNAKE_CODE = /\b[a-z]+_[a-z0-9_]+\b/;
const SCREAMING_CODE = /\b[A-Z]{2,}_[A-Z0-9_]+\b/;
const HANGUL = /[\uac00-\ud7a3]+/g;

beforeAll(async () => {
  server = await startTestServer();
  await seedOrders(server.database.db, { shopId: server.shop.shopId, orders: 160, seed: 12, now: new Date() });
  // one order for every event type the seed wrote, plus the busiest ones
  const byType = await queryRows<{ order_id: string }>(
    server.database.db,
    sql`select distinct on (type) order_id::text from timeline_events where shop_id = ${server.shop.shopId} order by type, order_id`,
  );
  const busiest = await queryRows<{ order_id: string }>(
    server.database.db,
    sql`select order_id::text from timeline_events where shop_id = ${server.shop.shopId} group by order_id order by count(*) desc, order_id limit 6`,
  );
  orderIds = [...new Set([...byType, ...busiest].map((r) => Number(r.order_id)))];
}, 120_000);
afterAll(() => server.close());

async function eventsOf(orderId: number, lang: 'ko' | 'en'): Promise<EventEntry[]> {
  const res = await server.owner.get<TimelineResponse>(`/api/v1/orders/${orderId}/timeline?only=events`, { 'accept-language': lang });
  expect(res.status).toBe(200);
  return res.body.entries.flatMap((e) => (e.kind === 'event' ? [e] : []));
}

/** What staff or buyers wrote, and names as sold: data that stays as written in any language. */
function dataOf(detail: OrderDetail, events: readonly EventEntry[]): string[] {
  const data = detail.items.flatMap((i) => [i.productName, ...(i.optionName ? [i.optionName] : [])]);
  for (const e of events) {
    if (e.actor.name) data.push(e.actor.name);
    for (const key of ['reason', 'depositorName', 'message', 'couponName', 'clientAddress'] as const) {
      const value = e.payload[key];
      if (typeof value === 'string') data.push(value);
    }
  }
  return data;
}

function koreanLeftIn(text: string, data: readonly string[]): string[] {
  let rest = text;
  for (const d of [...data].sort((a, b) => b.length - a.length)) rest = rest.split(d).join(' ');
  return rest.match(HANGUL) ?? [];
}

describe('timeline words', () => {
  it('covers a busy history: status moves, shipping, claims, refunds, memos', () => {
    expect(orderIds.length).toBeGreaterThan(5);
  });

  it('writes a change’s unit moves on one line, never one line per item', async () => {
    let multiItem = 0;
    for (const orderId of orderIds) {
      const events = await eventsOf(orderId, 'ko');
      expect(events.filter((e) => e.type === 'status_changed')).toEqual([]);
      const moves = events.filter((e) => e.type === 'statuses_changed');
      // one change is one moment by one actor: two move lines of the same kind at the same moment would be a change split per item
      const keys = moves.map((e) => `${e.at} ${e.actor.kind} ${e.actor.id} ${String(e.payload.kind)}`);
      expect(new Set(keys).size, `order ${orderId}: ${keys.join(' | ')}`).toBe(keys.length);
      for (const e of moves) {
        const items = new Set((e.payload.moves as Array<{ itemId: number }>).map((m) => m.itemId));
        if (items.size > 1) {
          multiItem++;
          // "면 양말 2개, 린넨 셔츠 1개를 배송중으로 변경했습니다 (…)": the items, their particle, the target
          expect(e.description).toMatch(/^.+ \d+개, .+ \d+개[을를] .+(으로|로) (변경했습니다|되돌렸습니다) \(.+ → .+\)/);
        }
      }
    }
    expect(multiItem).toBeGreaterThan(0);
  });

  it('shows no code where a word belongs, in Korean and English, and names staff by role', async () => {
    for (const orderId of orderIds) {
      const detail = (await server.owner.get<OrderDetail>(`/api/v1/orders/${orderId}`)).body;
      for (const lang of ['ko', 'en'] as const) {
        const events = await eventsOf(orderId, lang);
        for (const e of events) {
          expect(e.description, `${e.type} (${lang})`).not.toMatch(SNAKE_CODE);
          expect(e.description, `${e.type} (${lang})`).not.toMatch(SCREAMING_CODE);
          expect(e.description, `${e.type} (${lang})`).not.toMatch(/\(으\)|을\(를\)|이\(가\)/);
          if (e.actor.kind === 'staff') expect(e.actor.role, `${e.type}: ${e.actor.name}`).not.toBeNull();
          if (lang === 'en') {
            expect(koreanLeftIn(e.description, dataOf(detail, events)), `${e.type}: ${e.description}`).toEqual([]);
            expect(e.description, `${e.type}: ${e.description}`).not.toMatch(/\d원/);
          }
        }
      }
    }
  });
});
