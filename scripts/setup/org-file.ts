/**
 * The organisation file an operator edits for `npm run setup:cloud`: the communities and the staff who review
 * them (see seed-org.example.json). JSON, or CSV with one row per community or staff member. Everything is
 * checked before anything is sent, and every problem is listed at once in Chinese and English, so one edit
 * fixes them all.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { STAFF_ROLES, type TPlaceLevel, type TStaffRole } from '../../types/domain';

export interface TOrgCommunity {
  _id: string;
  name: string;
  streetId: string;
  streetName: string;
  districtId: string;
  districtName: string;
  cityName: string;
}

export interface TOrgStaff {
  openid: string;
  displayName: string;
  roles: TStaffRole[];
  /**
   * Where this person is assigned (docs/administration.md): `reviewCommunityIds` become community assignments, an
   * admin's `streetId` a street assignment. The scope is derived from these when read, never stored as a list.
   */
  assignments: Array<{ level: TPlaceLevel; placeId: string }>;
  /** Every place id the assignments sit in or under (the stored `assignedWithin`, for the staff list). */
  assignedWithin: string[];
}

export interface TOrg {
  communities: TOrgCommunity[];
  staff: TOrgStaff[];
}

export class OrgFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`组织文件有误 / invalid org file ${file}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'OrgFileError';
  }
}

const COMMUNITY_FIELDS = ['_id', 'name', 'streetId', 'streetName', 'districtId', 'districtName', 'cityName'] as const;
/** Ids become CloudBase document ids and appear in URLs: keep them plain. */
const ID_RE = /^[A-Za-z0-9_-]{1,64}$/;

const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

/** Checks a parsed org file and expands admins' streets. Throws OrgFileError listing every problem. */
export function validateOrg(raw: unknown, file = '(org)'): TOrg {
  const problems: string[] = [];
  if (!isRecord(raw)) throw new OrgFileError(file, ['文件应是一个含 communities 和 staff 的对象 / expected an object with communities and staff']);
  const rawCommunities = Array.isArray(raw.communities) ? raw.communities : null;
  const rawStaff = Array.isArray(raw.staff) ? raw.staff : null;
  if (!rawCommunities) problems.push('缺少 communities 列表 / communities must be a list');
  if (!rawStaff) problems.push('缺少 staff 列表 / staff must be a list');

  const communities: TOrgCommunity[] = [];
  (rawCommunities ?? []).forEach((c, i) => {
    const where = `communities[${i}]`;
    if (!isRecord(c)) return void problems.push(`${where} 应是一个对象 / must be an object`);
    const missing = COMMUNITY_FIELDS.filter((f) => text(c[f]) === null);
    if (missing.length) problems.push(`${where} 缺少 ${missing.join('、')} / missing ${missing.join(', ')}`);
    const unknown = Object.keys(c).filter((k) => !(COMMUNITY_FIELDS as readonly string[]).includes(k));
    if (unknown.length) problems.push(`${where} 有不认识的字段 ${unknown.join('、')} / unknown fields ${unknown.join(', ')}`);
    const id = text(c._id);
    if (id && !ID_RE.test(id)) problems.push(`${where} 的 _id "${id}" 只能含字母、数字、- 和 _ / _id may hold only letters, digits, - and _`);
    if (!missing.length) communities.push(Object.fromEntries(COMMUNITY_FIELDS.map((f) => [f, text(c[f])])) as unknown as TOrgCommunity);
  });
  const byId = new Map<string, TOrgCommunity>();
  for (const c of communities) {
    if (byId.has(c._id)) problems.push(`社区 _id "${c._id}" 重复 / duplicate community _id ${c._id}`);
    byId.set(c._id, c);
  }

  const staff: TOrgStaff[] = [];
  const seenOpenids = new Set<string>();
  (rawStaff ?? []).forEach((s, i) => {
    const where = `staff[${i}]`;
    if (!isRecord(s)) return void problems.push(`${where} 应是一个对象 / must be an object`);
    const known = ['openid', 'displayName', 'roles', 'reviewCommunityIds', 'streetId'];
    const unknown = Object.keys(s).filter((k) => !known.includes(k));
    if (unknown.length) problems.push(`${where} 有不认识的字段 ${unknown.join('、')} / unknown fields ${unknown.join(', ')}`);
    const openid = text(s.openid);
    const displayName = text(s.displayName);
    const label = openid ? `${where} (${openid})` : where;
    if (!openid) problems.push(`${where} 缺少 openid / missing openid`);
    else if (!ID_RE.test(openid)) problems.push(`${label} 的 openid 只能含字母、数字、- 和 _ / openid may hold only letters, digits, - and _`);
    else if (seenOpenids.has(openid)) problems.push(`${label} openid 重复 / duplicate openid`);
    if (openid) seenOpenids.add(openid);
    if (!displayName) problems.push(`${label} 缺少 displayName / missing displayName`);

    const roles = Array.isArray(s.roles) ? s.roles : [];
    const badRoles = roles.filter((r) => !(STAFF_ROLES as readonly unknown[]).includes(r));
    if (!roles.length) problems.push(`${label} 缺少 roles（social_worker 或 admin）/ roles must list social_worker and/or admin`);
    if (badRoles.length) problems.push(`${label} 的角色 ${badRoles.join('、')} 不存在，只能是 ${STAFF_ROLES.join('、')} / unknown roles ${badRoles.join(', ')}`);

    if (s.reviewCommunityIds !== undefined && !Array.isArray(s.reviewCommunityIds)) {
      problems.push(`${label} 的 reviewCommunityIds 应是列表 / reviewCommunityIds must be a list`);
    }
    const listed = (Array.isArray(s.reviewCommunityIds) ? s.reviewCommunityIds : []).map(String);
    const unknownIds = listed.filter((id) => !byId.has(id));
    if (unknownIds.length) {
      problems.push(`${label} 的 reviewCommunityIds 中 ${unknownIds.join('、')} 不在 communities 里 / unknown community ${unknownIds.join(', ')}`);
    }
    const streetId = s.streetId === undefined ? null : text(s.streetId);
    const street = streetId ? communities.filter((c) => c.streetId === streetId).map((c) => c._id) : [];
    if (s.streetId !== undefined) {
      if (!roles.includes('admin')) problems.push(`${label} 只有管理员（admin）可以按街道 streetId 分配 / only an admin may be given a streetId`);
      if (!streetId || street.length === 0) {
        problems.push(`${label} 的街道 ${String(s.streetId)} 下没有社区 / no community has streetId ${String(s.streetId)}`);
      }
    }
    const reviewCommunityIds = [...new Set(listed)].sort();
    // (An unknown community or street was reported above already.)
    if (reviewCommunityIds.length === 0 && !unknownIds.length && s.streetId === undefined) {
      problems.push(`${label} 没有可审核的社区：填写 reviewCommunityIds，管理员也可填 streetId / reviews no community: give reviewCommunityIds (or an admin's streetId)`);
    }
    if (openid && displayName && roles.length && !badRoles.length) {
      const assignments: TOrgStaff['assignments'] = reviewCommunityIds.map((placeId) => ({ level: 'community', placeId }));
      if (streetId && street.length > 0) assignments.push({ level: 'street', placeId: streetId });
      const within = new Set<string>();
      for (const a of assignments) {
        const c = a.level === 'community' ? byId.get(a.placeId) : communities.find((x) => x.streetId === a.placeId);
        if (a.level === 'community') within.add(a.placeId);
        if (c) within.add(c.streetId).add(c.districtId);
      }
      staff.push({ openid, displayName, roles: [...new Set(roles)] as TStaffRole[], assignments, assignedWithin: [...within].sort() });
    }
  });

  if (problems.length) throw new OrgFileError(file, problems);
  return { communities, staff };
}

/** Splits CSV text into rows of cells (RFC 4180 quoting: "a, b" and "" for a quote). */
export function parseCsv(source: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const text = source.replace(/^\uFEFF/, ''); // Excel writes a BOM
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(cell), (cell = '');
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      if (row.some((c) => c.trim() !== '')) rows.push(row);
      (row = []), (cell = '');
    } else cell += ch;
  }
  row.push(cell);
  if (row.some((c) => c.trim() !== '')) rows.push(row);
  return rows;
}

/**
 * CSV form: header `type,id,name,streetId,streetName,districtId,districtName,cityName,roles,reviewCommunityIds`;
 * `type` is `community` or `staff`. A staff row's `id` is the openid and `name` the display name; `roles` and
 * `reviewCommunityIds` list values separated by `|`; an admin's `streetId` means every community of that street.
 */
export function orgFromCsv(source: string, file = '(csv)'): unknown {
  const [header, ...rows] = parseCsv(source);
  const cols = (header ?? []).map((h) => h.trim());
  const need = ['type', 'id', 'name'];
  const missing = need.filter((c) => !cols.includes(c));
  if (missing.length) throw new OrgFileError(file, [`CSV 表头缺少 ${missing.join('、')} / CSV header lacks ${missing.join(', ')}`]);
  const list = (v: string | undefined) => (v ?? '').split('|').map((x) => x.trim()).filter(Boolean);
  const communities: Record<string, unknown>[] = [];
  const staff: Record<string, unknown>[] = [];
  const problems: string[] = [];
  rows.forEach((cells, i) => {
    const r = Object.fromEntries(cols.map((c, j) => [c, (cells[j] ?? '').trim()]));
    if (r.type === 'community') {
      communities.push({ _id: r.id, ...Object.fromEntries(COMMUNITY_FIELDS.slice(1).map((f) => [f, r[f]])) });
    } else if (r.type === 'staff') {
      staff.push({
        openid: r.id,
        displayName: r.name,
        roles: list(r.roles),
        reviewCommunityIds: list(r.reviewCommunityIds),
        ...(r.streetId ? { streetId: r.streetId } : {}),
      });
    } else {
      problems.push(`第 ${i + 2} 行的 type 应是 community 或 staff / row ${i + 2}: type must be community or staff`);
    }
  });
  if (problems.length) throw new OrgFileError(file, problems);
  return { communities, staff };
}

/** Reads and checks an org file (`.json` or `.csv`). */
export function readOrgFile(file: string): TOrg {
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch {
    throw new OrgFileError(file, ['找不到或读不了这个文件 / cannot read the file']);
  }
  if (path.extname(file).toLowerCase() === '.csv') return validateOrg(orgFromCsv(source, file), file);
  let raw: unknown;
  try {
    raw = JSON.parse(source);
  } catch (err) {
    throw new OrgFileError(file, [`不是合法的 JSON / not valid JSON: ${(err as Error).message}`]);
  }
  return validateOrg(raw, file);
}
