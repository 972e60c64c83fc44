import type { Db } from '../db/client';
import { PollingLoop } from '../scheduler/polling-loop';
import type { PrivateNetworkAllowance } from './network-guard';
import { buyerMessageChannel, type BuyerChannelOptions } from '../notifications/channel';
import { smtpMailer, solapiMessenger } from '../notifications/transports';
import { webhookChannel } from './channels';
import { claimDue, DEFAULT_BACKOFF_MS, deliverClaimed, type DeliveryPolicy } from './delivery';

export interface OutboxWorkerOptions {
  /** How often this server looks for due messages (default 1 s; JUMUN_OUTBOX_POLL_MS). */
  pollMs?: number;
  /** Messages claimed and sent at once per look. */
  batchSize?: number;
  /** How long one webhook POST may take before it counts as failed. */
  timeoutMs?: number;
  /** The waits between attempts; tests make them short. */
  backoffMs?: readonly number[];
  /** How long a claim holds a message before another server may take it (its sender died). */
  leaseMs?: number;
  /** Lets webhooks reach loopback and private addresses (JUMUN_WEBHOOK_ALLOW_PRIVATE=1; tests). */
  allowPrivateNetworks?: PrivateNetworkAllowance;
  log?: (message: string, error?: unknown) => void;
  /** Buyer messages: the outside services (tests pass fakes' factories) and how often a provider's report is asked for. */
  buyerMessages?: Partial<BuyerChannelOptions>;
}

const MINUTE = 60_000;

/**
 * Delivers the outbox. Every app server runs one; they share the work through the database alone
 * (claims with SKIP LOCKED and a lease in next_attempt_at), so nothing here needs to survive the
 * process: a stopped or killed server's messages are picked up by the others.
 */
export class OutboxWorker {
  readonly policy: DeliveryPolicy;
  private readonly batchSize: number;
  private readonly log: (message: string, error?: unknown) => void;
  private readonly loop: PollingLoop;

  constructor(
    private readonly db: Db,
    options: OutboxWorkerOptions = {},
  ) {
    const timeoutMs = options.timeoutMs ?? 5_000;
    this.loop = new PollingLoop(options.pollMs ?? 1_000, () => this.drain());
    this.batchSize = options.batchSize ?? 10;
    this.log = options.log ?? (() => undefined);
    const buyer = buyerMessageChannel({
      mailer: options.buyerMessages?.mailer ?? smtpMailer(Math.max(timeoutMs, 10_000)),
      messenger: options.buyerMessages?.messenger ?? solapiMessenger(Math.max(timeoutMs, 10_000)),
      reportPollMs: options.buyerMessages?.reportPollMs ?? MINUTE,
      reportDeadlineMs: options.buyerMessages?.reportDeadlineMs ?? 72 * 60 * MINUTE,
    });
    this.policy = {
      backoffMs: options.backoffMs ?? DEFAULT_BACKOFF_MS,
      leaseMs: options.leaseMs ?? Math.max(60_000, timeoutMs * 4),
      allowPrivateNetworks: options.allowPrivateNetworks ?? false,
      channels: { webhook: webhookChannel(timeoutMs, options.allowPrivateNetworks ?? false), alimtalk: buyer, sms: buyer, email: buyer },
    };
  }

  start(): void {
    this.loop.start();
  }

  /** Stops looking and waits for the sends in hand (each ends within its timeout). */
  stop(): Promise<void> {
    return this.loop.stop();
  }

  /** Sends batches until nothing is due (a burst of events goes out at once, not one batch per poll). */
  private async drain(): Promise<void> {
    try {
      while (!this.loop.stopped && (await this.tick()) === this.batchSize);
    } catch (error) {
      // the database may be away: the next poll tries again; claimed messages wait out their lease
      this.log('outbox: could not deliver', error);
    }
  }

  /** One claim and the sends of what it took; answers how many messages it took. */
  async tick(): Promise<number> {
    const claimed = await claimDue(this.db, this.batchSize, this.policy.leaseMs);
    await Promise.all(claimed.map((message) => deliverClaimed(this.db, this.policy, message)));
    return claimed.length;
  }
}
