import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyReply } from 'fastify';
import type { TFunctionName } from '../../types';
import type { TPorts } from '../../cloudfunctions/core/context';
import { HANDLERS } from '../../cloudfunctions/core/functions';
import { INDEXES } from '../../cloudfunctions/core/indexes';
import { localFileStore } from '../../cloudfunctions/core/files/local-files';
import { runReminders } from '../../cloudfunctions/core/jobs/reminders';
import { systemClock } from '../../cloudfunctions/core/platform/basic-ports';
import { localPorts } from '../../cloudfunctions/core/platform/local-ports';
import { createSqliteStore } from '../../cloudfunctions/core/storage/sqlite';
import { seedDemoData } from '../seed/seed';
import { devCaller } from './dev-identity';
import { offsetClock, registerDevClock } from './dev-clock';
import { registerDevLatency } from './dev-latency';
import { registerDevRoutes } from './dev-routes';
import { registerFileRoutes } from './file-routes';
import { envelopeForError, failure, GATEWAY_MESSAGES, rawEnvelopeResponse } from './envelope';

export interface TGatewayOptions {
  port: number;
  host?: string;
  dbFile: string;
  /** The H5 build to serve at `/`; omitted or missing means API only. */
  staticDir?: string;
  seed?: boolean;
  /** Test seams: replace any port (clock, content check…). */
  ports?: Partial<TPorts>;
  /** Where uploaded photos go; default `files/` next to the database (a temp folder for an in-memory one). */
  filesDir?: string;
  /** Runs the reminder job (the cloud's timer-only `jobs` function) this often; off unless given (`npm start` sets it). */
  reminderEveryMs?: number;
  logger?: boolean;
}

export interface TGateway {
  url: string;
  close(): Promise<void>;
}

/** `callFunction` payloads stay well under this in the cloud (~100 KB); the gateway keeps the same ceiling. */
const BODY_LIMIT = 256 * 1024;
/** Function names are short lower-case words; anything else is not a function (and never a property lookup). */
const FUNCTION_NAME = /^[a-z][a-zA-Z0-9_-]{0,63}$/;

/**
 * The local stand-in for CloudBase: `POST /fn/<name>` runs the same handler the cloud function runs, on SQLite,
 * as the user named by the `X-Dev-User` header. Only this process knows about dev identities. Every answer that
 * is not the H5 app is the envelope, refusals included (wrong method, unknown path, bad or oversized body), and
 * `GET /dev/outbox` shows the notices that would have been sent (dev-routes.ts).
 */
export async function startGateway(options: TGatewayOptions): Promise<TGateway> {
  const store = createSqliteStore({ file: options.dbFile, indexes: INDEXES });
  if (options.seed) await seedDemoData(store);
  const files = localFileStore(options.filesDir ?? (options.dbFile === ':memory:' ? undefined : path.join(path.dirname(options.dbFile), 'files')));
  // The dev clock (POST /dev/clock) shifts whatever clock the functions would use, for every later call.
  const clock = offsetClock(options.ports?.clock ?? systemClock);
  const ports = localPorts(store, { files, ...options.ports, clock });
  const reminderTimer = options.reminderEveryMs
    ? setInterval(() => {
        runReminders(ports).catch((error) => console.error('[gateway] reminders', error));
      }, options.reminderEveryMs)
    : null;

  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: BODY_LIMIT,
    // Errors the HTTP parser raises before there is a request (an overlong URL, broken framing) answer in the
    // envelope too, not in fastify's own JSON.
    clientErrorHandler: (error: Error & { code?: string }, socket) => {
      if (!socket.writable) return socket.destroy();
      const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
      socket.end(rawEnvelopeResponse(tooLarge ? 431 : 400, tooLarge ? GATEWAY_MESSAGES.headerTooLarge : GATEWAY_MESSAGES.badRequest));
    },
    // The router's own refusals (a path segment over 100 characters, broken %-escapes) in the envelope as well.
    frameworkErrors: (error, _request, reply) => {
      const { status, body } = envelopeForError(error, BODY_LIMIT / 1024);
      void (reply as unknown as FastifyReply).code(status).send(body);
    },
  });
  // Only JSON reaches a function: without fastify's text/plain parser any other body type is a 415.
  app.removeContentTypeParser('text/plain');

  // Malformed JSON, oversized bodies, wrong content types: the same envelope as every other refusal, proper status.
  app.setErrorHandler((error: { statusCode?: number; code?: string }, _request, reply) => {
    const { status, body } = envelopeForError(error, BODY_LIMIT / 1024);
    if (status >= 500) console.error('[gateway]', error);
    return reply.code(status).send(body);
  });
  // Any path nobody serves, under /fn or elsewhere (an unknown static file included).
  app.setNotFoundHandler((_request, reply) => reply.code(404).send(failure('NOT_FOUND', GATEWAY_MESSAGES.noRoute)));

  app.get('/healthz', async () => ({ ok: true, storage: 'sqlite', functions: Object.keys(HANDLERS) }));
  // POST /dev/latency slows chosen calls down, so a person (or a test) can act while one is in flight.
  const latency = registerDevLatency(app);

  app.post<{ Params: { name: string } }>('/fn/:name', async (request, reply) => {
    const name = request.params.name;
    if (!FUNCTION_NAME.test(name) || !Object.hasOwn(HANDLERS, name)) {
      return reply.code(404).send(failure('NOT_FOUND', GATEWAY_MESSAGES.noFunction));
    }
    const handler = HANDLERS[name as TFunctionName];
    await latency.before(name, (request.body as { action?: unknown } | null)?.action);
    return handler(request.body ?? {}, { ...ports, caller: devCaller(request.headers['x-dev-user']) });
  });
  // Functions are called with POST only, like callFunction; every other method is told so.
  app.route({
    method: ['GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'],
    url: '/fn/:name',
    handler: async (_request, reply) => reply.code(405).header('allow', 'POST').send(failure('VALIDATION_FAILED', GATEWAY_MESSAGES.method)),
  });

  registerDevRoutes(app, store);
  registerDevClock(app, clock);
  await registerFileRoutes(app, ports.files === files ? files : ports.files);

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
      if (reminderTimer) clearInterval(reminderTimer);
      await app.close();
      await store.close();
    },
  };
}
