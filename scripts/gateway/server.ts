import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import Fastify from 'fastify';
import type { TFunctionName } from '../../types';
import { ERROR_CODES } from '../../types/errors';
import type { TPorts } from '../../cloudfunctions/core/context';
import { HANDLERS } from '../../cloudfunctions/core/functions';
import { INDEXES } from '../../cloudfunctions/core/indexes';
import { localPorts } from '../../cloudfunctions/core/platform/local-ports';
import { createSqliteStore } from '../../cloudfunctions/core/storage/sqlite';
import { seedDemoData } from '../seed/seed';
import { devCaller } from './dev-identity';

export interface TGatewayOptions {
  port: number;
  host?: string;
  dbFile: string;
  /** The H5 build to serve at `/`; omitted or missing means API only. */
  staticDir?: string;
  seed?: boolean;
  /** Test seams: replace any port (clock, content check…). */
  ports?: Partial<TPorts>;
  logger?: boolean;
}

export interface TGateway {
  url: string;
  close(): Promise<void>;
}

/** `callFunction` payloads stay well under this in the cloud (~100 KB); the gateway keeps the same ceiling. */
const BODY_LIMIT = 256 * 1024;

/**
 * The local stand-in for CloudBase: `POST /fn/<name>` runs the same handler the cloud function runs, on SQLite,
 * as the user named by the `X-Dev-User` header. Only this process knows about dev identities.
 */
export async function startGateway(options: TGatewayOptions): Promise<TGateway> {
  const store = createSqliteStore({ file: options.dbFile, indexes: INDEXES });
  if (options.seed) await seedDemoData(store);
  const ports = localPorts(store, options.ports);

  const app = Fastify({ logger: options.logger ?? false, bodyLimit: BODY_LIMIT });

  // Malformed JSON and oversized bodies answer in the same envelope as every other refusal.
  app.setErrorHandler((error: { statusCode?: number }, _request, reply) => {
    const status = error.statusCode ?? 500;
    const code = status === 413 || status === 400 || status === 415 ? 'VALIDATION_FAILED' : 'INTERNAL';
    if (code === 'INTERNAL') console.error('[gateway]', error);
    return reply.code(status).send({ ok: false, error: { code, message: ERROR_CODES[code] } });
  });

  app.get('/healthz', async () => ({ ok: true, storage: 'sqlite', functions: Object.keys(HANDLERS) }));

  app.post<{ Params: { name: string } }>('/fn/:name', async (request, reply) => {
    const handler = HANDLERS[request.params.name as TFunctionName];
    if (!Object.hasOwn(HANDLERS, request.params.name) || !handler) {
      return reply.code(404).send({ ok: false, error: { code: 'NOT_FOUND', message: '没有这个云函数' } });
    }
    return handler(request.body ?? {}, { ...ports, caller: devCaller(request.headers['x-dev-user']) });
  });

  const staticDir = options.staticDir && path.resolve(options.staticDir);
  if (staticDir && existsSync(path.join(staticDir, 'index.html'))) {
    await app.register(fastifyStatic, { root: staticDir, index: 'index.html' });
  } else {
    app.get('/', async (_req, reply) =>
      reply.type('text/html; charset=utf-8').send('<p>H5 尚未构建：请运行 <code>npm run build:h5</code> 后重启。</p>'),
    );
  }

  await app.listen({ port: options.port, host: options.host ?? '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    async close() {
      await app.close();
      await store.close();
    },
  };
}
