import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * A TCP proxy between the app and its PostgreSQL server, to stage a bad day: `drop()` cuts every
 * connection (a restart, a failover, an idle timeout on the way), `stall()` keeps the connections
 * open but lets no byte through in either direction (a hung server or a black-holed network) and
 * leaves new connections hanging too, `refuse()` turns new connections away (the server is down),
 * `restore()` brings it all back.
 */
export interface TcpProxy {
  readonly port: number;
  drop(): void;
  stall(): void;
  refuse(): void;
  restore(): void;
  /** Connections currently open through the proxy. */
  readonly openConnections: number;
  /** Connections with a request held by a stall (work caught in flight). */
  readonly heldConnections: number;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  let mode: 'open' | 'stalled' | 'refusing' = 'open';
  const pairs = new Set<{ client: Socket; upstream: Socket; held: Buffer[][] }>();

  const server: Server = createServer((client) => {
    if (mode === 'refusing') {
      client.destroy();
      return;
    }
    const upstream = connect(target.port, target.host);
    const pair = { client, upstream, held: [[], []] as Buffer[][] };
    pairs.add(pair);
    const forward = (from: Socket, to: Socket, heldIndex: 0 | 1) => {
      from.on('data', (chunk: Buffer) => {
        if (mode === 'stalled') pair.held[heldIndex]!.push(chunk);
        else to.write(chunk);
      });
    };
    forward(client, upstream, 0);
    forward(upstream, client, 1);
    const end = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('close', end).on('error', end);
    upstream.on('close', end).on('error', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

  const dropAll = () => {
    for (const pair of [...pairs]) {
      pair.client.destroy();
      pair.upstream.destroy();
    }
  };
  return {
    port: (server.address() as AddressInfo).port,
    get openConnections() {
      return pairs.size;
    },
    get heldConnections() {
      return [...pairs].filter((pair) => pair.held[0]!.length > 0).length;
    },
    drop: dropAll,
    stall() {
      mode = 'stalled';
    },
    refuse() {
      mode = 'refusing';
    },
    restore() {
      mode = 'open';
      // what was held during a stall is delivered late, as a network that recovers would
      for (const pair of pairs) {
        for (const chunk of pair.held[0]!.splice(0)) pair.upstream.write(chunk);
        for (const chunk of pair.held[1]!.splice(0)) pair.client.write(chunk);
      }
    },
    async close() {
      dropAll();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
