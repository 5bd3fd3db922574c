import { View } from '@tarojs/components';

/** A read-only label/value line; an empty value reads 「未填写」 rather than leaving a hole. */
export function InfoRow({ label, value, id }: { label: string; value?: string | number | null; id?: string }) {
  const text = value === undefined || value === null || value === '' ? '未填写' : String(value);
  return (
    <View className='info-row'>
      <View className='info-row__label'>{label}</View>
      <View id={id} className={text === '未填写' ? 'info-row__value info-row__value--empty' : 'info-row__value'}>
        {text}
      </View>
    </View>
  );
}
