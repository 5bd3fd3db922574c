import { Button, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter, useShareAppMessage } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import type { z } from 'zod';
import type { ZCourseDetail } from '../../../../types/incubation';
import { api, errorMessage } from '../../../api';
import { DevPanelSlot } from '../../../components/DevPanelSlot';
import { ErrorState } from '../../../components/ErrorState';
import { FieldError } from '../../../components/FieldError';
import { InfoRow } from '../../../components/InfoRow';
import { Loading } from '../../../components/Loading';
import { ENROLLMENT_STATUS_LABELS } from '../../../lib/base-labels';
import { chinaDayTime, eventWhen } from '../../../lib/china-time';
import { go, ROUTES } from '../../../lib/nav';
import { PageShell } from '../../../components/PageShell';
import { useFreshOnShow } from '../../../lib/freshness';
import '../../base.css';
import { tappable } from '../../../components/Tappable';
// 长辈模式's size floors for this subpackage's own classes (generated: scripts/make-elder-css.ts).
import '../../elder-sizes.css';

type TCourse = z.output<typeof ZCourseDetail>;

/** A course: its sessions (China time), the teacher and partner, the room, places left, 报名整个课程. */
function CoursePageBody() {
  const id = useRouter().params.id ?? '';
  const [course, setCourse] = useState<TCourse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [actionError, setActionError] = useState('');
  const [sending, setSending] = useState(false);

  const load = useCallback(async () => {
    setError(null);
    try {
      setCourse((await api.incubation.course({ courseId: id })).course);
    } catch (err) {
      setError(errorMessage(err));
    }
  }, [id]);

  useFreshOnShow(load);
  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh());
  });
  useShareAppMessage(() => ({ title: course ? `课程：${course.title}` : '社区课程', path: ROUTES.course(id) }));

  const enroll = async () => {
    if (sending) return;
    setSending(true);
    setActionError('');
    try {
      const { enrollment } = await api.incubation.enroll({ courseId: id });
      void Taro.showToast({ title: enrollment.status === 'waitlisted' ? '已报名候补' : '报名成功', icon: 'success' });
      await load();
    } catch (err) {
      setActionError(errorMessage(err));
    } finally {
      setSending(false);
    }
  };

  const cancel = async () => {
    if (sending) return;
    const { confirm } = await Taro.showModal({ title: '取消报名', content: '取消后，您的名额会让给候补的人。确定取消整个课程的报名吗？', confirmText: '取消报名', cancelText: '不取消' });
    if (!confirm) return;
    setSending(true);
    setActionError('');
    try {
      await api.incubation.cancelEnrollment({ courseId: id });
      void Taro.showToast({ title: '已取消报名', icon: 'success' });
      await load();
    } catch (err) {
      setActionError(errorMessage(err));
    } finally {
      setSending(false);
    }
  };

  if (!course) return error ? <ErrorState message={error} onRetry={() => void load()} /> : <Loading />;
  const mine = course.myEnrollment && course.myEnrollment.status !== 'cancelled' ? course.myEnrollment : null;
  const full = course.placesLeft <= 0;

  return (
    <View className='page course'>
      <View className='card'>
        <View id='course-title' className='course__title'>
          {course.title}
        </View>
        {course.status === 'cancelled' ? <View className='need-status need-status--declined'>课程已取消</View> : null}
        <View id='course-places' className={full ? 'course__places course__places--full' : 'course__places'}>
          {full ? `已满（${course.capacity}人）${course.waitlistCount > 0 ? `，${course.waitlistCount}人候补` : ''}` : `剩余${course.placesLeft}个名额（共${course.capacity}人）`}
        </View>
        {mine ? (
          <View id='course-my-status' className='course__mine'>
            {ENROLLMENT_STATUS_LABELS[mine.status]}
            {mine.status === 'waitlisted' && mine.waitlistPosition ? `（第${mine.waitlistPosition}位）` : ''}
          </View>
        ) : null}
        {course.can.enroll && !mine ? (
          <Button id='btn-enroll' className={sending ? 'btn btn--primary btn--busy' : 'btn btn--primary'} disabled={sending} onClick={() => void enroll()}>
            {sending ? '正在报名…' : full ? '报名候补（整个课程）' : `报名整个课程（共${course.sessionCount}次课）`}
          </Button>
        ) : null}
        {!course.can.enroll && !mine && course.enrollClosedReason ? (
          <View id='course-closed' className='muted'>
            {course.enrollClosedReason}
          </View>
        ) : null}
        {course.can.cancel && mine ? (
          <Button id='btn-cancel-enroll' className='btn btn--plain' disabled={sending} onClick={() => void cancel()}>
            取消报名
          </Button>
        ) : null}
        <FieldError message={actionError} />
      </View>

      <View className='card'>
        <InfoRow label='授课老师' value={course.teacher} id='course-teacher' />
        <InfoRow label='合作单位' value={course.partnerName} id='course-partner' />
        <InfoRow label='上课地点' value={course.place} id='course-place' />
        <InfoRow label='报名截止（北京时间）' value={chinaDayTime(course.signupDeadline)} />
        {course.description ? <InfoRow label='课程介绍' value={course.description} /> : null}
      </View>

      <View className='section-title'>上课时间（共{course.sessionCount}次，北京时间）</View>
      <View id='course-sessions' className='card'>
        {course.sessions.map((s, i) => (
          <View {...tappable()} key={s.id} id={`course-session-${i + 1}`} className='session-row' onClick={() => go(ROUTES.eventDetail(s.id))}>
            <View className='session-row__n'>第{i + 1}次</View>
            <View>{eventWhen(s.startAt, s.endAt)}</View>
          </View>
        ))}
      </View>
      <DevPanelSlot />
    </View>
  );
}

/** The page's root: the H5 title bar and back button (lib: components/PageShell), then the page itself. */
export default function CoursePage() {
  return (
    <PageShell needs='id'>
      <CoursePageBody />
    </PageShell>
  );
}
