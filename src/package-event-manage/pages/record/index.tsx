import { Button, Image, Textarea, View } from '@tarojs/components';
import Taro, { useLoad, useRouter } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { api, errorMessage, isApiError } from '../../../api';
import { DevPanelSlot } from '../../../components/DevPanelSlot';
import { ErrorState } from '../../../components/ErrorState';
import { FieldError } from '../../../components/FieldError';
import { EVENT_LIMITS } from '../../../../types/form-limits';
import { fieldA11y, FormField } from '../../../components/FormField';
import { NO_CUT, tooLongMessage } from '../../../lib/field-limits';
import { Loading } from '../../../components/Loading';
import { eventWhen } from '../../../lib/china-time';
import { uploadPhoto } from '../../../lib/upload';
import { NotHost } from '../../components/NotHost';
import { useEvent } from '../../useEvent';
import { choosePhotos } from './choose-photos';
import '../../components/event-manage.css';
import './index.css';
import { startedHere } from '../../../lib/safe-nav';
import { PageShell } from '../../../components/PageShell';
// 长辈模式's size floors for this subpackage's own classes (generated: scripts/make-elder-css.ts).
import '../../elder-sizes.css';

/** EVENT_LIMITS.photos and .summary (types/events.ts). */
const MAX_PHOTOS = 9;
const SUMMARY_MAX = EVENT_LIMITS.summary;

interface TPhoto {
  path: string;
  /** Set once uploaded, so a retry after a failure sends only what is missing. */
  fileId?: string;
}

/** 活动记录 after the event: a short summary and up to 9 photos; attendance and hours are counted by the server. */
function RecordPageBody() {
  const eventId = useRouter().params.eventId ?? '';
  const ev = useEvent(eventId);
  const [summary, setSummary] = useState('');
  const [photos, setPhotos] = useState<TPhoto[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const [progress, setProgress] = useState('');
  const busy = useRef(false);

  useLoad(() => {
    void ev.reload();
  });
  // The summary already recorded, once, when the event first arrives.
  const prefilled = useRef(false);
  useEffect(() => {
    if (!ev.event || prefilled.current) return;
    prefilled.current = true;
    const record = ev.event.record;
    if (!record) return;
    setSummary(record.summary);
    // The photos already recorded stay unless removed: shown by URL, sent back by id.
    const ids = record.photoIds ?? [];
    setPhotos(ids.map((fileId, i) => ({ path: record.photoUrls[i] ?? '', fileId })));
  }, [ev.event]);

  const add = async () => {
    const paths = await choosePhotos(MAX_PHOTOS - photos.length);
    if (paths.length) setPhotos((prev) => prev.concat(paths.map((path) => ({ path }))).slice(0, MAX_PHOTOS));
    setErrors((prev) => ({ ...prev, photos: '' }));
  };

  const remove = (index: number) => setPhotos((prev) => prev.filter((_, i) => i !== index));

  const save = async () => {
    const event = ev.event;
    if (!event || busy.current) return;
    const text = summary.trim();
    if (text.length > SUMMARY_MAX) return setErrors({ summary: tooLongMessage('活动小结', SUMMARY_MAX) });
    if (text.length < 5) return setErrors({ summary: text ? '活动小结至少写5个字' : '请写几句活动小结：做了什么、多少人参加、效果如何' });
    busy.current = true;
    setSaving(true);
    setErrors({});
    const origin = startedHere();
    try {
      const uploaded = [...photos];
      for (let i = 0; i < uploaded.length; i++) {
        const p = uploaded[i]!;
        if (p.fileId) continue;
        setProgress(`正在上传照片 ${i + 1}/${uploaded.length}…`);
        try {
          uploaded[i] = { ...p, fileId: await uploadPhoto(p.path, `event-photos/${event.id}`) };
        } catch (err) {
          setPhotos(uploaded);
          throw Object.assign(err as object, { photoIndex: i });
        }
      }
      setPhotos(uploaded);
      setProgress('正在保存…');
      await api.events.record({ eventId: event.id, summary: text, photos: uploaded.map((p) => p.fileId!) });
      void Taro.showToast({ title: '活动记录已保存', icon: 'none', duration: 2000 });
      origin.navigateBack();
    } catch (err) {
      const index = (err as { photoIndex?: number }).photoIndex;
      if (index !== undefined) setErrors({ photos: `第${index + 1}张照片：${errorMessage(err)}` });
      else if (isApiError(err) && Object.keys(err.fields).length > 0) {
        const photoKey = Object.keys(err.fields).find((k) => k.startsWith('photos'));
        setErrors({ summary: err.fields.summary ?? '', photos: photoKey ? err.fields[photoKey]! : '', _: err.fields.summary || photoKey ? '' : err.message });
      } else setErrors({ _: errorMessage(err) });
    } finally {
      busy.current = false;
      setSaving(false);
      setProgress('');
    }
  };

  if (ev.error && !ev.event) return <ErrorState message={ev.error} onRetry={() => void ev.reload()} />;
  if (!ev.event) return <Loading />;
  const event = ev.event;
  if (!event.can.manage) return <NotHost />;

  return (
    <View className='page record-edit'>
      <View className='card'>
        <View id='record-event-title' className='em__title'>
          {event.title}
        </View>
        <View className='em__sub'>{eventWhen(event.startAt, event.endAt)}</View>
        <View className='em__sub'>
          到场 {event.checkedInCount} 人（签到和手动登记的都算）{event.isVolunteer ? '，按活动时长记志愿服务时间' : ''}
        </View>
      </View>
      <FormField id='record-summary-field' label='活动小结' required error={errors.summary} hint='做了什么、多少人参加、效果如何；会显示在组织页面上' limit={{ value: summary, max: SUMMARY_MAX }}>
        <Textarea
          className='textarea'
          value={summary}
          maxlength={NO_CUT}
          {...fieldA11y('活动小结')}
          placeholder='例如：合唱团12位团员为独居老人演唱了《我和我的祖国》等5首歌曲'
          placeholderClass='placeholder'
          onInput={(e) => setSummary(e.detail.value)}
        />
      </FormField>
      <FormField id='record-photos-field' label={`活动照片（${photos.length}/${MAX_PHOTOS}）`} error={errors.photos} hint='可不选；照片会自动压缩'>
        <View className='rec__photos'>
          {photos.map((p, i) => (
            <View key={p.path} id={`record-photo-${i}`} className='rec__photo'>
              <Image className='rec__img' src={p.path} mode='aspectFill' aria-label={`照片 ${i + 1}`} nativeProps={{ alt: `照片 ${i + 1}` }} />
              <View className='rec__remove' role='button' onClick={() => !saving && remove(i)}>
                移除
              </View>
            </View>
          ))}
          {photos.length < MAX_PHOTOS ? (
            <View id='btn-add-photos' className='rec__add' role='button' onClick={() => !saving && void add()}>
              ＋ 添加照片
            </View>
          ) : null}
        </View>
      </FormField>
      {progress ? <View className='rec__progress'>{progress}</View> : null}
      <FieldError message={errors._} />
      <Button id='btn-save-record' className={saving ? 'btn btn--primary btn--busy' : 'btn btn--primary'} disabled={saving || undefined} onClick={() => void save()}>
        {saving ? '正在保存…' : '保存活动记录'}
      </Button>
      <DevPanelSlot />
    </View>
  );
}

/** The page's root: the H5 title bar and back button (lib: components/PageShell), then the page itself. */
export default function RecordPage() {
  return (
    <PageShell needs='eventId'>
      <RecordPageBody />
    </PageShell>
  );
}
