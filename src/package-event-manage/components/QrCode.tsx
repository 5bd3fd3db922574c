import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { generate } from 'lean-qr';
import { useMemo } from 'react';

/** Light modules around the code, as scanners expect. */
const QUIET = 4;

/**
 * A QR code drawn with plain views: one row per module row, each dark run one view. No canvas, so it renders the
 * same in WeChat and H5, and a 30-character text (version 2–3) is ~30 rows of a few runs each.
 */
export function QrCode({ text, sizePx = 560, id }: { text: string; sizePx?: number; id?: string }) {
  const rows = useMemo(() => {
    const code = generate(text);
    const out: { start: number; length: number }[][] = [];
    for (let y = 0; y < code.size; y++) {
      const runs: { start: number; length: number }[] = [];
      let x = 0;
      while (x < code.size) {
        if (!code.get(x, y)) {
          x++;
          continue;
        }
        const start = x;
        while (x < code.size && code.get(x, y)) x++;
        runs.push({ start, length: x - start });
      }
      out.push(runs);
    }
    return out;
  }, [text]);
  const modules = rows.length + QUIET * 2;
  const cell = Math.floor(sizePx / modules);
  const px = (n: number) => Taro.pxTransform(n * cell);
  return (
    <View id={id} className='qr' role='img' aria-label='签到二维码' style={{ width: px(modules), height: px(modules), padding: px(QUIET), boxSizing: 'border-box', background: '#ffffff' }}>
      {rows.map((runs, y) => (
        <View key={y} style={{ position: 'relative', height: px(1) }}>
          {runs.map((r) => (
            <View key={r.start} style={{ position: 'absolute', top: 0, left: px(r.start), width: px(r.length), height: px(1), background: '#000000' }} />
          ))}
        </View>
      ))}
    </View>
  );
}
