import type { FastifyInstance } from 'fastify';

/**
 * DNS-rebinding protection: a page on evil.example that resolves its name to
 * 127.0.0.1 could otherwise read the trace through the victim's browser. Only
 * requests whose Host header names this server (its address, localhost, or
 * the loopback addresses) on its port are answered.
 */
export function registerHostGuard(app: FastifyInstance, allowed: () => Set<string>): void {
  app.addHook('onRequest', async (req, reply) => {
    const host = (req.headers.host ?? '').toLowerCase();
    if (!allowed().has(host)) {
      reply.code(403).send({ statusCode: 403, code: 'HOST_NOT_ALLOWED', message: `Host "${host}" is not this server's address (DNS rebinding protection)` });
    }
  });
}

/** Host header values that name a server listening on (address, port). */
export function allowedHosts(address: string, port: number): Set<string> {
  const names = new Set(['127.0.0.1', 'localhost', '[::1]', address.includes(':') && !address.startsWith('[') ? `[${address}]` : address]);
  const out = new Set<string>();
  for (const n of names) {
    out.add(`${n}:${port}`);
    if (port === 80) out.add(n);
  }
  return out;
}
