import { View } from '@tarojs/components';

export interface TMonthSeries {
  key: string;
  /** 活动, 参与 … shown before each number. */
  name: string;
  unit: string;
  tone: 'blue' | 'green' | 'amber' | 'teal';
  values: number[];
}

/**
 * Twelve months as rows (the current month last), each with one bar per series and its number beside it. Rows
 * rather than columns: twelve columns of numbers do not fit a phone's width at 长辈模式's text size.
 */
export function MonthChart({ id, labels, series }: { id: string; labels: string[]; series: TMonthSeries[] }) {
  const maxOf = series.map((s) => Math.max(1, ...s.values));
  return (
    <View id={id} className='st__chart'>
      {labels.map((label, i) => (
        <View key={label} id={`${id}-${i}`} className='st__month'>
          <View className='st__month-label'>{label}</View>
          <View className='st__month-bars'>
            {series.map((s, k) => (
              <View key={s.key} className='st__bar-line'>
                <View className='st__bar-track' aria-hidden>
                  <View className={`st__bar st__bar--${s.tone}`} style={{ width: `${(s.values[i]! / maxOf[k]!) * 100}%` }} />
                </View>
                <View className='st__bar-value'>
                  {s.name}
                  {s.values[i]}
                  {s.unit}
                </View>
              </View>
            ))}
          </View>
        </View>
      ))}
    </View>
  );
}
