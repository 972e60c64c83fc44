/**
 * Where staff follow the parcel: a web search for "택배사 송장번호" (the courier's name, as the
 * server labels it), which shows every Korean courier's tracking (no courier-specific URLs to keep
 * up to date). Courier names themselves come from the server: `courierLabel` on parcels, and
 * GET /api/v1/couriers (app/api/couriers.ts) for the inputs.
 */
export const trackingHref = (courier: string, trackingNumber: string) =>
  `https://search.naver.com/search.naver?query=${encodeURIComponent(`${courier} ${trackingNumber}`)}`;
