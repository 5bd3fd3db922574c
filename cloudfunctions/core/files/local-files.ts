import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REPORT_LIMITS } from '../../../types/report-vocab';
import type { TFileStore } from '../context';

/** A local file id: `local/<32 hex>.<ext>`. The name part is what the gateway serves at `/files/local/<name>`. */
export const LOCAL_FILE_ID = /^local\/([a-f0-9]{32}\.(?:jpg|png|webp|gif))$/;
export const LOCAL_FILE_NAME = /^[a-f0-9]{32}\.(?:jpg|png|webp|gif)$/;
/** A generated report: `local/reports/<32 hex>.xlsx`, served at `/files/reports/<name>` while it is fresh. */
export const LOCAL_REPORT_NAME = /^[a-f0-9]{32}\.xlsx$/;
export const REPORT_LINK_MS = REPORT_LIMITS.linkMinutes * 60_000;

/**
 * Files in a folder (`.data/files/` next to the local database; a temp folder when none is given, as in tests).
 * The folder is created on first use, so a process that never stores a photo leaves nothing behind.
 */
export function localFileStore(
  dir?: string,
): TFileStore & { dir(): string; pathOf(name: string): string | null; reportPathOf(name: string): string | null } {
  let resolved: string | null = dir ?? null;
  const folder = () => {
    if (!resolved) resolved = mkdtempSync(path.join(tmpdir(), 'ccf-files-'));
    mkdirSync(resolved, { recursive: true });
    return resolved;
  };
  const pathOf = (name: string) => (LOCAL_FILE_NAME.test(name) ? path.join(folder(), name) : null);
  const reportPathOf = (name: string) => (LOCAL_REPORT_NAME.test(name) ? path.join(folder(), 'reports', name) : null);
  const fileOf = (fileId: string) => {
    const name = LOCAL_FILE_ID.exec(fileId)?.[1];
    return name ? pathOf(name) : null;
  };
  return {
    dir: folder,
    pathOf,
    reportPathOf,
    async put(bytes, type) {
      const name = `${randomBytes(16).toString('hex')}.${type}`;
      await writeFile(path.join(folder(), name), bytes, { flag: 'wx' });
      return `local/${name}`;
    },
    async read(fileId) {
      const file = fileOf(fileId);
      if (!file) return null;
      try {
        return await readFile(file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    // Locally there is no image moderation service: every image passes (the word list covers text only).
    imageAllowed: async () => true,
    urlsFor: async (fileIds) => fileIds.map((id) => `/files/${id}`),
    async remove(fileIds) {
      for (const id of fileIds) {
        const file = fileOf(id);
        if (file) await rm(file, { force: true });
      }
    },
    // 128 random bits name the file: the link is the only way to it, and the gateway serves it for REPORT_LINK_MS
    // after it was written (file-routes.ts), so a forwarded link soon stops working.
    async putReport(bytes, fileName, now) {
      const name = `${randomBytes(16).toString('hex')}.xlsx`;
      mkdirSync(path.join(folder(), 'reports'), { recursive: true });
      await writeFile(path.join(folder(), 'reports', name), bytes, { flag: 'wx' });
      return { fileId: `local/reports/${name}`, url: `/files/reports/${name}?name=${encodeURIComponent(fileName)}`, expiresAt: now + REPORT_LINK_MS };
    },
  };
}
