import { Button, Text, View } from '@tarojs/components';
import type { TNeedRow } from '../../../../types/incubation';
import { NEED_CATEGORY_LABELS, NEED_STATUS_LABELS } from '../../../lib/base-labels';

interface TProps {
  need: TNeedRow;
  busy: boolean;
  onSupport: (id: string) => void;
  onOpenCourse: (courseId: string) => void;
}

/** One need: what, how many want it, its status and the social worker's answer; 我也想 once. */
export function NeedCard({ need, busy, onSupport, onOpenCourse }: TProps) {
  return (
    <View id={`need-${need.id}`} className='card need-card' data-title={need.title}>
      <View className='card__title'>{need.title}</View>
      <View className='card__row need-card__tags'>
        <Text className={`need-status need-status--${need.status}`}>{NEED_STATUS_LABELS[need.status]}</Text>
        <Text className='category-tag'>{NEED_CATEGORY_LABELS[need.category]}</Text>
      </View>
      <View id={`need-demand-${need.id}`} className='need-card__demand'>
        {need.demand} 人想要
      </View>
      {need.description ? <View className='need-card__text'>{need.description}</View> : null}
      {need.answer ? (
        <View id={`need-answer-${need.id}`} className='need-card__answer'>
          <View className='need-card__answer-label'>社工答复</View>
          <View>{need.answer}</View>
        </View>
      ) : null}
      {need.circleName ? <View className='need-card__text'>已成立兴趣小组：{need.circleName}</View> : null}
      {need.courseId ? (
        <Button id={`btn-need-course-${need.id}`} className='btn btn--ghost need-card__btn' onClick={() => onOpenCourse(need.courseId!)}>
          查看课程、报名
        </Button>
      ) : null}
      {need.iWant ? (
        <View id={`need-wanted-${need.id}`} className='need-card__done' aria-live='polite'>
          ✓ 您已表示想要
        </View>
      ) : need.status === 'collecting' ? (
        <Button id={`btn-want-${need.id}`} className={busy ? 'btn btn--primary btn--busy need-card__btn' : 'btn btn--primary need-card__btn'} disabled={busy} onClick={() => onSupport(need.id)}>
          {busy ? '正在提交…' : '我也想'}
        </Button>
      ) : null}
    </View>
  );
}
