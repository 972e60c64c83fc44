/**
 * Solapi's API-key authentication (docs.solapi.com/authentication/api-key):
 *
 *   Authorization: HMAC-SHA256 apiKey=<key>, date=<ISO 8601>, salt=<12–64 random bytes>, signature=<hex>
 *
 * where signature = hex HMAC-SHA256 of (date + salt) keyed with the API secret. Solapi refuses a
 * date more than 15 minutes off its clock (RequestTimeTooSkewed) and a signature it has seen in the
 * last 15 minutes (DuplicatedSignature), so every request gets a fresh salt. The secret only ever
 * goes into the HMAC: it is never sent, and never put into an outcome's detail or a log line.
 */
import { createHmac, randomBytes } from 'node:crypto';

export function solapiSignature(apiSecret: string, date: string, salt: string): string {
  return createHmac('sha256', apiSecret).update(date + salt).digest('hex');
}

export function solapiAuthorization(apiKey: string, apiSecret: string, now: Date = new Date()): string {
  const date = now.toISOString();
  // 32 hex characters: inside Solapi's 12–64 byte range and new for every request.
  const salt = randomBytes(16).toString('hex');
  return `HMAC-SHA256 apiKey=${apiKey}, date=${date}, salt=${salt}, signature=${solapiSignature(apiSecret, date, salt)}`;
}
