import type { FastifyInstance, FastifyRequest } from 'fastify';

declare module 'fastify' {
  interface FastifyRequest {
    idempotentReplayed: boolean;
  }
}

/** Marks a response as the stored answer to an earlier request with the same Idempotency-Key. */
export function markReplayed(request: FastifyRequest, replayed: boolean) {
  request.idempotentReplayed = replayed;
}

/** Every replayed answer says so in `Idempotent-Replayed: true`, whichever route produced it. */
export function registerIdempotentReplayHeader(app: FastifyInstance) {
  app.decorateRequest('idempotentReplayed', false);
  app.addHook('onSend', async (request, reply) => {
    if (request.idempotentReplayed) reply.header('Idempotent-Replayed', 'true');
  });
}
