import { Button, View } from '@tarojs/components';
import { Sheet } from '../../components/Sheet';
import type { TSummaryLine } from './change-model';

interface TChangeSummarySheetProps {
  lines: TSummaryLine[];
  reason: string;
  sending: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

const short = (s: string) => (s.length > 160 ? `${s.slice(0, 160)}…` : s) || '未填写';

/** One more look before filing: each changed field, before → after, exactly as the social worker will see it. */
export function ChangeSummarySheet({ lines, reason, sending, onConfirm, onCancel }: TChangeSummarySheetProps) {
  return (
    <Sheet id='change-summary' title='请核对要变更的内容' busy={sending} onClose={onCancel}>
      <View className='changes'>
        {lines.map((l) => (
          <View key={l.field} id={`summary-${l.field}`} className='changes__item'>
            <View className='changes__label'>{l.label}</View>
            <View className='changes__line'>
              <View className='changes__tag'>原</View>
              <View className='changes__before'>{short(l.before)}</View>
            </View>
            <View className='changes__line'>
              <View className='changes__tag changes__tag--new'>新</View>
              <View className='changes__after'>{short(l.after)}</View>
            </View>
          </View>
        ))}
      </View>
      {reason.trim() ? <View className='sheet__text'>变更原因：{reason.trim()}</View> : null}
      <View className='sheet__text muted'>提交后由社区社工审核，审核通过后才会生效。</View>
      <View className='btn-stack'>
        <Button id='btn-confirm-change' className={sending ? 'btn btn--primary btn--busy' : 'btn btn--primary'} disabled={sending || undefined} onClick={onConfirm}>
          {sending ? '正在提交…' : '确认提交变更报备'}
        </Button>
        <Button id='btn-cancel-change' className='btn btn--plain' disabled={sending || undefined} onClick={onCancel}>
          返回修改
        </Button>
      </View>
    </Sheet>
  );
}
