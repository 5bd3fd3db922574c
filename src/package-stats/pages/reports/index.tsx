import { Button, View } from '@tarojs/components';
import { useLoad } from '@tarojs/taro';
import { useState } from 'react';
import type { TReportPlace } from '../../../../types/reports';
import { QUARTER_LABELS, REPORT_LEVEL_LABELS } from '../../../../types/report-vocab';
import { api, errorMessage } from '../../../api';
import { ChipRow } from '../../../components/ChipRow';
import { DevPanelSlot } from '../../../components/DevPanelSlot';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { Loading } from '../../../components/Loading';
import { PageShell } from '../../../components/PageShell';
import { useExport } from '../../lib/useExport';
import '../../reports.css';
// 长辈模式's size floors for this subpackage's own classes (generated: scripts/make-elder-css.ts).
import '../../elder-sizes.css';

interface TOptions {
  places: TReportPlace[];
  year: number;
  quarter: number;
}

const placeKey = (p: TReportPlace) => `${p.level}-${p.placeId}`;
const pad = (n: number) => String(n).padStart(2, '0');
const clockTime = (ms: number) => {
  const d = new Date(ms);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

/**
 * 统计报表: the quarterly statistics report of a community, street or district in the caller's scope, generated
 * in the `reports` function as an .xlsx (docs/reports.md), downloaded in H5 and opened with the phone's viewer in
 * WeChat. The latest file stays on the page to open again.
 */
function ReportsPageBody() {
  const [options, setOptions] = useState<TOptions | null>(null);
  const [loadError, setLoadError] = useState('');
  const [place, setPlace] = useState('');
  const [year, setYear] = useState(0);
  const [quarter, setQuarter] = useState(0);
  const chosen = options?.places.find((p) => placeKey(p) === place) ?? null;
  const report = useExport(() => api.reports.quarterly({ level: chosen!.level, placeId: chosen!.placeId, year, quarter }));

  const load = async () => {
    setLoadError('');
    try {
      const answer = await api.reports.options({});
      setOptions(answer);
      setPlace(answer.places[0] ? placeKey(answer.places[0]) : '');
      setYear(answer.year);
      setQuarter(answer.quarter);
    } catch (err) {
      setLoadError(errorMessage(err));
    }
  };
  useLoad(() => void load());

  if (!options) return loadError ? <ErrorState message={loadError} onRetry={() => void load()} /> : <Loading />;
  if (options.places.length === 0) {
    return <EmptyState id='reports-none' text='统计报表只对社区社工和街道、区的工作人员开放' hint='如果您是工作人员，请联系管理员为您分配社区。' />;
  }

  // This year's quarters up to the current one, and every quarter of last year.
  const years = [options.year, options.year - 1];
  const quarters = [1, 2, 3, 4].filter((q) => year < options.year || q <= options.quarter);
  const pickYear = (y: number) => {
    setYear(y);
    if (y === options.year && quarter > options.quarter) setQuarter(options.quarter);
  };
  const last = report.last;

  return (
    <View className='page'>
      <View className='rp__label'>统计范围</View>
      <ChipRow
        id='report-places'
        idPrefix='report-place'
        layout='wrap'
        options={options.places.map((p) => ({ value: placeKey(p), label: `${p.name}（${REPORT_LEVEL_LABELS[p.level]}）` }))}
        value={place}
        onChange={setPlace}
      />
      <View className='rp__label'>年份</View>
      <ChipRow id='report-years' idPrefix='report-year' layout='wrap' options={years.map((y) => ({ value: y, label: `${y}年` }))} value={year} onChange={pickYear} />
      <View className='rp__label'>季度</View>
      <ChipRow id='report-quarters' idPrefix='report-quarter' layout='wrap' options={quarters.map((q) => ({ value: q, label: QUARTER_LABELS[q - 1]! }))} value={quarter} onChange={setQuarter} />
      <Button id='btn-generate-report' className='btn btn--primary rp__generate' disabled={report.busy || !chosen} onClick={() => void report.generate()}>
        {report.busy ? '正在生成…' : '生成并下载'}
      </Button>
      <View className='rp__hint'>报表为 Excel 表格（.xlsx），含汇总、分类统计、活动统计、备案事项和说明。</View>
      {report.error ? (
        <View id='report-error' className='rp__error' role='alert'>
          {report.error}
        </View>
      ) : null}
      {last ? (
        <View id='report-result' className='card'>
          <View className='rp__file'>{last.file.fileName}</View>
          <View className='card__meta'>生成于 {clockTime(last.at)}；链接10分钟内有效，过期后点「再次打开」会重新生成。</View>
          <Button id='btn-open-report' className='btn btn--ghost' disabled={report.busy} onClick={() => void report.openAgain()}>
            再次打开
          </Button>
        </View>
      ) : null}
      <DevPanelSlot />
    </View>
  );
}

export default function ReportsPage() {
  return (
    <PageShell>
      <ReportsPageBody />
    </PageShell>
  );
}
