import { Button, Input, View } from '@tarojs/components';
import { useState } from 'react';
import { FILING_LIMITS } from '../../../../types';
import { FieldError } from '../../../components/FieldError';
import { mobileProblem, NO_CUT, textProblem } from '../../../lib/field-limits';
import type { TFilingForm } from '../../form-model';

type TRoster = TFilingForm['roster'];
type TRemoved = { row: TRoster[number]; index: number };

interface TRosterEditorProps {
  rows: TRoster;
  errors: Record<string, string>;
  onChange: (rows: TRoster) => void;
}

const who = (row: TRoster[number], i: number) => row.name.trim() || `第 ${i + 1} 位`;

/**
 * 会员花名册: one compact line per member under column headers that stay when the rows are filled, each input
 * labelled for screen readers too. Remove is a small ✕ with an undo bar, so a slip of an older finger costs nothing.
 */
export function RosterEditor({ rows, errors, onChange }: TRosterEditorProps) {
  const [removed, setRemoved] = useState<TRemoved | null>(null);
  const setRow = (i: number, patch: Partial<TRoster[number]>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const remove = (i: number) => {
    const row = rows[i];
    if (!row) return;
    setRemoved({ row, index: i });
    onChange(rows.filter((_, j) => j !== i));
  };
  const undo = () => {
    if (!removed) return;
    const next = [...rows];
    next.splice(Math.min(removed.index, next.length), 0, removed.row);
    setRemoved(null);
    onChange(next);
  };

  return (
    <View className='roster'>
      {rows.length === 0 ? <View className='muted roster__empty'>还没有添加成员。花名册可以以后再补充。</View> : null}
      {rows.length > 0 ? (
        <View className='roster__head' aria-hidden>
          <View className='roster__num' />
          <View className='roster__col roster__col--name'>姓名</View>
          <View className='roster__col roster__col--mobile'>手机号（可不填）</View>
          <View className='roster__gap' />
        </View>
      ) : null}
      {rows.map((row, i) => {
        const nameError = textProblem('成员姓名', row.name, FILING_LIMITS.person) ?? errors[`roster.${i}.name`];
        const mobileError = mobileProblem(row.mobile) ?? errors[`roster.${i}.mobile`];
        return (
          <View key={i} id={`roster-${i}`} className={nameError || mobileError ? 'roster__row roster__row--invalid' : 'roster__row'}>
            <View className='roster__line'>
              <View className='roster__num'>{i + 1}</View>
              <View id={`roster-${i}-name`} className='roster__col roster__col--name'>
                <Input
                  className='input roster__input'
                  value={row.name}
                  maxlength={NO_CUT}
                  placeholder='姓名'
                  placeholderClass='placeholder'
                  ariaLabel={`第 ${i + 1} 位 姓名`}
                  nativeProps={{ 'aria-label': `第 ${i + 1} 位 姓名` }}
                  onInput={(e) => setRow(i, { name: e.detail.value })}
                />
              </View>
              <View id={`roster-${i}-mobile`} className='roster__col roster__col--mobile'>
                <Input
                  className='input roster__input'
                  type='number'
                  value={row.mobile}
                  maxlength={NO_CUT}
                  placeholder='手机号'
                  placeholderClass='placeholder'
                  ariaLabel={`第 ${i + 1} 位 手机号`}
                  nativeProps={{ 'aria-label': `第 ${i + 1} 位 手机号` }}
                  onInput={(e) => setRow(i, { mobile: e.detail.value })}
                />
              </View>
              <View
                id={`btn-remove-roster-${i}`}
                className='roster__remove'
                role='button'
                aria-label={`删除${who(row, i)}`}
                onClick={() => remove(i)}
              >
                ✕
              </View>
            </View>
            <FieldError message={nameError} />
            <FieldError message={mobileError} />
          </View>
        );
      })}
      {removed ? (
        <View id='roster-undo' className='roster__undo' role='status'>
          <View className='roster__undo-text'>已删除 {who(removed.row, removed.index)}</View>
          <View id='btn-undo-roster' className='roster__undo-btn' role='button' onClick={undo}>
            撤销
          </View>
        </View>
      ) : null}
      {rows.length < FILING_LIMITS.roster ? (
        <Button
          id='btn-add-roster'
          className='btn btn--ghost roster__add'
          onClick={() => {
            setRemoved(null);
            onChange([...rows, { name: '', mobile: '' }]);
          }}
        >
          ＋ 添加成员
        </Button>
      ) : null}
    </View>
  );
}
