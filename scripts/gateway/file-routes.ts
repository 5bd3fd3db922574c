import { stat, readFile } from 'node:fs/promises';
import type { FastifyInstance } from 'fastify';
import { EVENT_LIMITS } from '../../types/events';
import type { TFileStore } from '../../cloudfunctions/core/context';
import { IMAGE_CONTENT_TYPES, sniffImageType } from '../../cloudfunctions/core/files/image-type';
import { LOCAL_FILE_NAME, REPORT_LINK_MS } from '../../cloudfunctions/core/files/local-files';
import { devCaller } from './dev-identity';
import { failure } from './envelope';

/**
 * The local stand-in for CloudBase cloud storage (the mini program uploads there itself; H5 uploads here):
 * - `POST /files`, the raw image as the body, `Content-Type: image/*`, `X-Dev-User` → `{ ok: true, data: { fileId } }`;
 *   401 without an identity, 413 over EVENT_LIMITS.photoBytes, 415 when the bytes are not an image (whatever the
 *   header says);
 * - `GET /files/local/<name>` serves a stored file with the content type its bytes have.
 * Bodies up to UPLOAD_CEILING are read so this route can answer 413 in its own words; beyond it fastify refuses.
 */
const UPLOAD_CEILING = 25 * 1024 * 1024;
const MB = EVENT_LIMITS.photoBytes / 1024 / 1024;

export const FILE_MESSAGES = {
  noUser: '请先选择演示用户（X-Dev-User）再上传',
  tooLarge: `照片太大（超过${MB}MB），请压缩后再上传`,
  notImage: '只能上传图片（JPG、PNG、WebP 或 GIF），这个文件不是图片',
  notFound: '没有这张照片，可能已被删除',
  reportGone: '报表链接已过期，请回到报表页重新生成',
} as const;

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The name the browser saves the report as: what the function chose, minus anything a path or header could abuse. */
export function reportDownloadName(asked: unknown): string {
  const cleaned = typeof asked === 'string' ? asked.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '').slice(0, 80) : '';
  return cleaned.endsWith('.xlsx') ? cleaned : `${cleaned || '报表'}.xlsx`;
}

export async function registerFileRoutes(
  app: FastifyInstance,
  files: TFileStore & { reportPathOf?(name: string): string | null },
): Promise<void> {
  // Own scope: the image parser and these refusals apply to /files only, never to /fn.
  await app.register(async (scope) => {
    scope.addContentTypeParser(/^image\/[\w.+-]+$/i, { parseAs: 'buffer', bodyLimit: UPLOAD_CEILING }, (_request, body, done) => done(null, body));
    scope.setErrorHandler((error: { code?: string; statusCode?: number }, _request, reply) => {
      if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return reply.code(413).send(failure('VALIDATION_FAILED', FILE_MESSAGES.tooLarge));
      if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return reply.code(415).send(failure('VALIDATION_FAILED', FILE_MESSAGES.notImage));
      console.error('[gateway] /files', error);
      return reply.code(error.statusCode && error.statusCode < 500 ? error.statusCode : 500).send(failure(error.statusCode && error.statusCode < 500 ? 'VALIDATION_FAILED' : 'INTERNAL'));
    });

    scope.post('/files', {
      bodyLimit: UPLOAD_CEILING,
      // Before the body is read: no identity, no upload.
      onRequest: async (request, reply) => {
        if (!devCaller(request.headers['x-dev-user'])) return reply.code(401).send(failure('UNAUTHENTICATED', FILE_MESSAGES.noUser));
      },
      handler: async (request, reply) => {
        const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        if (body.length > EVENT_LIMITS.photoBytes) return reply.code(413).send(failure('VALIDATION_FAILED', FILE_MESSAGES.tooLarge));
        const type = sniffImageType(body);
        if (!type) return reply.code(415).send(failure('VALIDATION_FAILED', FILE_MESSAGES.notImage));
        return { ok: true, data: { fileId: await files.put(body, type) } };
      },
    });

    scope.get<{ Params: { name: string } }>('/files/local/:name', async (request, reply) => {
      const { name } = request.params;
      const bytes = LOCAL_FILE_NAME.test(name) ? await files.read(`local/${name}`) : null;
      const type = bytes && sniffImageType(bytes);
      if (!bytes || !type) return reply.code(404).send(failure('NOT_FOUND', FILE_MESSAGES.notFound));
      return reply.type(IMAGE_CONTENT_TYPES[type]).header('x-content-type-options', 'nosniff').header('cache-control', 'private, max-age=3600').send(bytes);
    });

    // A generated report (docs/reports.md): reachable only by its unguessable name, and only for REPORT_LINK_MS
    // after it was written (the cloud's temporary URL lives as long). `?name=` is the file name to save it as.
    scope.get<{ Params: { name: string }; Querystring: { name?: string } }>('/files/reports/:name', async (request, reply) => {
      const file = files.reportPathOf?.(request.params.name) ?? null;
      const info = file ? await stat(file).catch(() => null) : null;
      if (!file || !info || Date.now() - info.mtimeMs > REPORT_LINK_MS) return reply.code(404).send(failure('NOT_FOUND', FILE_MESSAGES.reportGone));
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(reportDownloadName(request.query.name))}`)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(await readFile(file));
    });
  });
}
