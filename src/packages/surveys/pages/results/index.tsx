import { useCallback } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { PageShell } from '@/components/PageShell';
import { useCloudQuery } from '@/hooks/useCloudQuery';
import { surveysApi } from '@/features/surveys/api';
import { ResultsView } from '@/features/surveys/components/ResultsView';
import { useSurvey } from '@/features/surveys/hooks';
import '@/features/surveys/surveys.scss';
import { errorText } from '@/services/cloud';
import { exportText } from '@/services/export-file';

const EXPORTED = { downloaded: '已下载', shared: '已发送', copied: '已复制，可粘贴到表格' } as const;

/**
 * 问卷结果 (opened by the 问卷结束 message too): turnout, and per question the counts, percents and a bar chart;
 * the committee exports every answer as CSV (anonymous surveys without names).
 */
export default function SurveyResultsPage() {
  const surveyId = (useRouter().params as Record<string, string | undefined>).id ?? '';
  const survey = useSurvey(surveyId);
  const fetchResults = useCallback(() => surveysApi.results(surveyId), [surveyId]);
  const results = useCloudQuery(surveyId ? fetchResults : null);
  const s = survey.data?.survey ?? null;
  // The CSV is fetched ahead, so the export runs straight from the tap (WeChat shares files only in answer to one).
  const fetchCsv = useCallback(() => surveysApi.exportCsv(surveyId), [surveyId]);
  const csv = useCloudQuery(s?.can.exportCsv ? fetchCsv : null);

  const exportCsv = async () => {
    if (!csv.data) return;
    try {
      const result = await exportText(csv.data.fileName, csv.data.csv, 'text/csv');
      void Taro.showToast({ title: EXPORTED[result], icon: 'success', duration: 1500 });
    } catch (err) {
      void Taro.showToast({ title: errorText(err), icon: 'none', duration: 2500 });
    }
  };

  return (
    <PageShell
      className={`page-surveys-results${survey.loading || results.loading ? ' is-busy' : ''}`}
      title={s?.title ?? '问卷结果'}
      loading={survey.loading && !s}
      error={s ? null : survey.error}
      onRetry={() => void survey.reload()}
    >
      {s ? <Text className='survey-privacy'>{s.privacyNote}</Text> : null}
      {results.error ? <Text className='card__hint survey-results-hidden'>{results.error}</Text> : null}
      {results.data ? <ResultsView results={results.data} /> : null}
      {s?.can.exportCsv ? (
        <Button className='btn-export-survey' type='primary' size='large' block disabled={!csv.data} onClick={() => void exportCsv()}>
          导出全部答卷（CSV）
        </Button>
      ) : null}
    </PageShell>
  );
}
