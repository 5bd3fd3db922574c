import { Button, View } from '@tarojs/components';
import { DECISION_LABELS, type TDecision } from '../../../../types/domain';

/** Always in reach at the bottom of the screen, however long the filing: the three decisions, side by side. */
export function DecisionBar({ onChoose }: { onChoose: (decision: TDecision) => void }) {
  return (
    <View id='decision-bar' className='decision-bar' role='toolbar' aria-label='审核决定'>
      <Button id='btn-approve' className='btn btn--approve decision-bar__btn' onClick={() => onChoose('approve')}>
        {DECISION_LABELS.approve}
      </Button>
      <Button id='btn-return' className='btn btn--return decision-bar__btn' onClick={() => onChoose('return')}>
        {DECISION_LABELS.return}
      </Button>
      <Button id='btn-reject' className='btn btn--danger decision-bar__btn' onClick={() => onChoose('reject')}>
        {DECISION_LABELS.reject}
      </Button>
    </View>
  );
}

interface TAfterDecisionBarProps {
  /** Undefined while the queue is being read. */
  nextId: string | null | undefined;
  onNext: () => void;
  onBack: () => void;
}

/** After a decision the same place offers the next waiting filing, or the way back when none is left. */
export function AfterDecisionBar({ nextId, onNext, onBack }: TAfterDecisionBarProps) {
  return (
    <View id='decision-bar' className='decision-bar' role='toolbar' aria-label='下一步'>
      {nextId ? (
        <Button id='btn-next-filing' className='btn btn--primary decision-bar__btn' onClick={onNext}>
          下一条
        </Button>
      ) : nextId === null ? (
        <View id='queue-done' className='decision-bar__note'>
          队列里没有其他待审核的报备了
        </View>
      ) : null}
      <Button id='btn-back-queue' className='btn btn--ghost decision-bar__btn' onClick={onBack}>
        返回列表
      </Button>
    </View>
  );
}
