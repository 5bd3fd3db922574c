/**
 * Deterministic people for the demo's larger groups: names, phones and openids drawn from a seeded PRNG, so every
 * seed (and every test run) produces exactly the same neighbours. No Math.random anywhere in the seed.
 */

/** mulberry32: small, seedable, good enough to pick names and attendances. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A stable 32-bit seed from a string (FNV-1a), so each group draws its own sequence. */
export function seedOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程魏苏吕丁任沈姚卢';
const GIVEN = [
  '秀兰', '桂英', '淑华', '玉珍', '凤英', '丽华', '建华', '国强', '志刚', '文杰', '德胜', '保国', '春梅', '秀云', '美玲',
  '海燕', '振华', '立新', '红梅', '金凤', '晓燕', '志明', '永利', '淑芳', '桂兰', '瑞芳', '长林', '福生', '卫东', '亚男',
  '俊峰', '晓明', '佳怡', '子涵', '雨桐', '浩然', '思远', '宏伟', '素琴', '翠萍', '春生', '学军', '建军', '爱华', '玉梅',
];

export interface TSeedPerson {
  openid: string;
  name: string;
  mobile: string;
}

/** `count` people for one group, keyed by `key` (openids `seed-p-<key>-<n>`), phones 139 3115 xxxx-style. */
export function peopleFor(key: string, count: number, phoneBlock: number): TSeedPerson[] {
  const random = prng(seedOf(key));
  const pick = (s: string | string[]) => s[Math.floor(random() * s.length)]!;
  return Array.from({ length: count }, (_, i) => ({
    openid: `seed-p-${key}-${i + 1}`,
    name: pick(SURNAMES) + pick(GIVEN),
    mobile: `1393${String(phoneBlock).padStart(3, '0')}${String(i + 1).padStart(4, '0')}`,
  }));
}
