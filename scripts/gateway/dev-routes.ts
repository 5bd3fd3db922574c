import type { FastifyInstance } from 'fastify';
import type { TOutboxItem } from '../../types/notices';
import { C, type TOutboxDoc } from '../../cloudfunctions/core/collections';
import type { TStore } from '../../cloudfunctions/core/storage/port';
import { devCaller } from './dev-identity';
import { failure } from './envelope';


const OUTBOX_PAGE = 20;

/**
 * Development-only routes of the local gateway (never part of the cloud): `GET /dev/outbox?to=<openid>` answers the
 * newest notices the outbox notifier stored for one person — what would have been sent as subscribe messages.
 */
export function registerDevRoutes(app: FastifyInstance, store: TStore): void {
  app.get<{ Querystring: { to?: string } }>('/dev/outbox', async (request, reply) => {
    const to = devCaller(request.query.to)?.openid;
    if (!to) return reply.code(400).send(failure('VALIDATION_FAILED', undefined, { to: '请用 ?to=<openid> 指定收件人' }));
    const page = await store.collection<TOutboxDoc & { data?: Record<string, unknown> }>(C.outbox).find({
      where: { to },
      orderBy: [['createdAt', 'desc']],
      limit: OUTBOX_PAGE,
    });
    const items: TOutboxItem[] = page.items.map((n) => ({
      id: n._id,
      kind: n.kind,
      title: n.title,
      body: n.body,
      page: n.page,
      data: n.data ?? {},
      at: n.createdAt,
    }));
    return { ok: true, data: { items } };
  });
}
