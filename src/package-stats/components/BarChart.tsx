import { View } from '@tarojs/components';

export interface TBarRow {
  key: string;
  label: string;
  count: number;
  /** What the number counts (个, 人, 场…), read after it. */
  unit: string;
}

/**
 * Horizontal bars drawn with Views (docs/dashboards.md: no chart library): each row is the label, the bar and the
 * number beside it as real text, so it reads at a glance, scales in 长辈模式 and is read out by screen readers.
 * Bars are scaled to the largest row of the chart; a zero is an empty track.
 */
export function BarChart({ id, rows, tone = 'blue' }: { id: string; rows: TBarRow[]; tone?: 'blue' | 'green' | 'amber' | 'red' | 'teal' }) {
  const max = Math.max(1, ...rows.map((r) => r.count));
  return (
    <View id={id} className='st__chart'>
      {rows.map((r) => (
        <View key={r.key} id={`${id}-${r.key}`} className='st__bar-row'>
          <View className='st__bar-label'>{r.label}</View>
          <View className='st__bar-line'>
            <View className='st__bar-track' aria-hidden>
              <View className={`st__bar st__bar--${tone}`} style={{ width: `${(r.count / max) * 100}%` }} />
            </View>
            <View className='st__bar-value'>
              {r.count}
              {r.unit}
            </View>
          </View>
        </View>
      ))}
    </View>
  );
}
