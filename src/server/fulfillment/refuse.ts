import type { ErrorCode } from '../../contracts/errors';
import type { Details } from '../../domain/fulfillment-moves';
import { AppError } from '../http/errors';

/** A planning failure as the HTTP error it answers; planning runs before any write, so nothing is written. */
export function refuse(failure: { code: ErrorCode; details: Details }): never {
  throw new AppError(failure.code, failure.details);
}
