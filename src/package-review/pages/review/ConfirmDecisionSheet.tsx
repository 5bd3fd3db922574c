import { Button, View } from '@tarojs/components';
import type { TDecision, TFilingKind } from '../../../../types/domain';
import { DECISION_LABELS } from '../../../../types/domain';

interface TConfirmDecisionSheetProps {
  decision: TDecision;
  kind: TFilingKind;
  filingName: string;
  comment: string;
  sending: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Approving does different things per kind; say which, so the reviewer knows what the tap changes. */
const APPROVE_CONSEQUENCE: Record<TFilingKind, string> = {
  initial: '通过后，该组织将出现在社区社团名录中，居民可以看到。',
  change: '通过后，变更内容立即生效，社团名录中显示新的信息。',
  dissolution: '通过后，该组织将从社区社团名录中移除，不能恢复。',
};

const CONSEQUENCE: Record<Exclude<TDecision, 'approve'>, string> = {
  return: '退回后，负责人会看到您的意见，修改后可以重新提交。',
  reject: '不予通过后，这份报备即结束，负责人会看到您写的理由。',
};

/** One more look before a decision that the leader will be notified of and that cannot be undone. */
export function ConfirmDecisionSheet({ decision, kind, filingName, comment, sending, onConfirm, onCancel }: TConfirmDecisionSheetProps) {
  const confirmClass = decision === 'approve' ? 'btn btn--approve' : decision === 'return' ? 'btn btn--return' : 'btn btn--danger';
  return (
    <View className='sheet__mask' onClick={sending ? undefined : onCancel}>
      <View id='decision-sheet' className='sheet' role='dialog' aria-label={`确认${DECISION_LABELS[decision]}`} onClick={(e) => e.stopPropagation()}>
        <View className='sheet__title'>
          确认{DECISION_LABELS[decision]}「{filingName}」？
        </View>
        <View className='sheet__text'>{decision === 'approve' ? APPROVE_CONSEQUENCE[kind] : CONSEQUENCE[decision]}</View>
        {comment.trim() ? <View className='sheet__text'>审核意见：{comment.trim()}</View> : null}
        <View className='btn-stack'>
          <Button id='btn-confirm-decision' className={sending ? `${confirmClass} btn--busy` : confirmClass} disabled={sending} onClick={onConfirm}>
            {sending ? '正在提交…' : `确认${DECISION_LABELS[decision]}`}
          </Button>
          <Button id='btn-cancel-decision' className='btn btn--plain' disabled={sending} onClick={onCancel}>
            再想想
          </Button>
        </View>
      </View>
    </View>
  );
}
