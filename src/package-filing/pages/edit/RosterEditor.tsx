import { Button, Input, View } from '@tarojs/components';
import { FILING_LIMITS } from '../../../../types';
import { FieldError } from '../../../components/FieldError';
import type { TFilingForm } from '../../form-model';

type TRoster = TFilingForm['roster'];

interface TRosterEditorProps {
  rows: TRoster;
  errors: Record<string, string>;
  onChange: (rows: TRoster) => void;
}

/** 会员花名册: one row per member, name required, phone optional. */
export function RosterEditor({ rows, errors, onChange }: TRosterEditorProps) {
  const setRow = (i: number, patch: Partial<TRoster[number]>) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  return (
    <View className='roster'>
      {rows.length === 0 ? <View className='muted roster__empty'>还没有添加成员。花名册可以以后再补充。</View> : null}
      {rows.map((row, i) => (
        <View key={i} className='roster__row'>
          <View className='roster__index'>第 {i + 1} 位</View>
          <View id={`roster-${i}-name`} className='roster__field'>
            <Input
              className='input'
              value={row.name}
              maxlength={FILING_LIMITS.person}
              placeholder='姓名'
              placeholderClass='placeholder'
              onInput={(e) => setRow(i, { name: e.detail.value })}
            />
            <FieldError message={errors[`roster.${i}.name`]} />
          </View>
          <View id={`roster-${i}-mobile`} className='roster__field'>
            <Input
              className='input'
              type='number'
              value={row.mobile}
              maxlength={11}
              placeholder='手机号（可不填）'
              placeholderClass='placeholder'
              onInput={(e) => setRow(i, { mobile: e.detail.value })}
            />
            <FieldError message={errors[`roster.${i}.mobile`]} />
          </View>
          <Button
            id={`btn-remove-roster-${i}`}
            className='btn btn--plain roster__remove'
            onClick={() => onChange(rows.filter((_, j) => j !== i))}
          >
            删除第 {i + 1} 位
          </Button>
        </View>
      ))}
      {rows.length < FILING_LIMITS.roster ? (
        <Button id='btn-add-roster' className='btn btn--ghost' onClick={() => onChange([...rows, { name: '', mobile: '' }])}>
          ＋ 添加成员
        </Button>
      ) : null}
    </View>
  );
}
