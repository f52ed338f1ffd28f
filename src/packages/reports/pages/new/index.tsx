import { useEffect, useMemo, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { FormField } from '@/components/FormField';
import { PageShell } from '@/components/PageShell';
import { useTapIds } from '@/features/cabin/tap-ids';
import { isCommittee, isGridLeader } from '@/features/members/entries';
import { useMe } from '@/features/members/useMe';
import { ImagesField } from '@/features/notices/components/ImagesField';
import '@/features/notices/notices.scss';
import { REPORT_PAGES, reportsApi } from '@/features/reports/api';
import { CategoryGrid } from '@/features/reports/components/CategoryGrid';
import { PlaceField } from '@/features/reports/components/PlaceField';
import { ResidentPicker } from '@/features/reports/components/ResidentPicker';
import { SimilarReports } from '@/features/reports/components/SimilarReports';
import { useBuildings, useReportSettings } from '@/features/reports/hooks';
import '@/features/reports/reports.scss';
import { useFormErrors } from '@/hooks/useFormErrors';
import { CloudCallError, errorText } from '@/services/cloud';
import { reportFields } from '@shared/actions/reports';
import { MAX_REPORT_PHOTOS, type ReportPlace, type SimilarReportView } from '@shared/domain/report';
import { schemaIssues } from '@shared/field-issues';

const FORM_FIELDS = ['forMemberId', 'categoryKey', 'place', 'text', 'photos'];
/** The server names a field `report.place.building`; the form shows it under 地点. */
const fieldOf = (path: string) => path.replace(/^report\./, '').split(/[.[]/)[0] ?? path;
/** Errors the function gives for the whole call that are about one field. */
const FIELD_OF_CODE: Record<string, string> = {
  'REPORTS.CATEGORY_NOT_FOUND': 'categoryKey',
  'REPORTS.PLACE_NOT_FOUND': 'place',
  'REPORTS.PERSON_NOT_FOUND': 'forMemberId',
};
const EMPTY_PLACE: ReportPlace = { building: '', unit: '', spot: '', point: null };

/**
 * 一键上报: a category tile, a few words, 提交 (the place is the caller's own building unless changed). Before sending,
 * open reports of the same kind at the same place are shown (已有邻居上报) with 我也遇到了.
 */
export default function NewReportPage() {
  const settings = useReportSettings();
  const buildings = useBuildings();
  const member = useMe().data?.member;
  const home = settings.data?.home ?? null;
  const categories = useMemo(() => (settings.data?.categories ?? []).filter((c) => c.active), [settings.data]);
  const [categoryKey, setCategoryKey] = useState('');
  const [place, setPlace] = useState<ReportPlace>(EMPTY_PLACE);
  const [text, setText] = useState('');
  const [photos, setPhotos] = useState<string[]>([]);
  const [forMemberId, setForMemberId] = useState('');
  const [similar, setSimilar] = useState<SimilarReportView[]>([]);
  const [joining, setJoining] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const form = useFormErrors({ fields: FORM_FIELDS, fieldOf });
  const taps = useTapIds();

  // The caller's own building is the default place, once the settings say what it is.
  useEffect(() => {
    if (home) setPlace((p) => (p.building || p.spot ? p : { ...p, building: home.building, unit: home.room }));
  }, [home]);

  // 已有邻居上报: asked again whenever the category or the place changes.
  const placeKey = `${place.building}|${place.spot}`;
  useEffect(() => {
    setSimilar([]);
    if (!categoryKey || (!place.building && !place.spot)) return;
    let current = true;
    reportsApi
      .similar({ categoryKey, place })
      .then((res) => current && setSimilar(res.items))
      .catch(() => undefined); // Only a hint: filing still works without it.
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [categoryKey, placeKey]);

  const edit =
    <T,>(field: string, set: (value: T) => void) =>
    (value: T) => {
      set(value);
      form.clear(field);
    };

  const submit = async () => {
    form.reset();
    const report = { categoryKey, place, text, photos };
    const issues = schemaIssues(reportFields, report);
    if (issues) return form.showIssues(Object.fromEntries(Object.entries(issues).map(([k, m]) => [`report.${k}`, m])));
    setSubmitting(true);
    try {
      const res = await reportsApi.file({ report, requestId: taps.idFor('file'), ...(forMemberId ? { forMemberId } : {}) });
      taps.done('file');
      void Taro.showToast({ title: '已上报，网格长会尽快响应', icon: 'none', duration: 2000 });
      void Taro.redirectTo({ url: REPORT_PAGES.detail(res.report.id) });
    } catch (err) {
      const field = err instanceof CloudCallError ? FIELD_OF_CODE[err.code] : undefined;
      form.fail(err, field ? { [field]: errorText(err) } : {});
    } finally {
      setSubmitting(false);
    }
  };

  const join = async (id: string) => {
    setJoining(id);
    form.reset();
    try {
      await reportsApi.join(id);
      void Taro.showToast({ title: '已记下，处理进展会告诉你', icon: 'none', duration: 2000 });
      void Taro.redirectTo({ url: REPORT_PAGES.detail(id) });
    } catch (err) {
      form.fail(err);
    } finally {
      setJoining(null);
    }
  };

  const mayFileForOthers = member ? isGridLeader(member) || isCommittee(member) : false;
  return (
    <PageShell
      className={`page-reports-new${submitting || settings.loading ? ' is-busy' : ''}`}
      title='一键上报'
      loading={settings.loading && !settings.data}
      error={settings.data ? null : settings.error}
      onRetry={() => void settings.reload()}
    >
      {form.formError ? (
        <View className='inline-error report-save-error' role='alert'>
          {form.formError}
        </View>
      ) : null}
      <View className='card report-form'>
        {mayFileForOthers && member ? (
          <FormField label='替谁上报' name='forMemberId' optional error={form.errors.forMemberId}>
            <ResidentPicker
              ownGridIds={isCommittee(member) ? null : member.leadsGridIds}
              value={forMemberId}
              onChange={(id, resident) => {
                setForMemberId(id);
                form.clear('forMemberId');
                // The resident's own building is where their problem most likely is.
                if (resident) setPlace({ ...EMPTY_PLACE, building: resident.building, unit: resident.room });
                else if (home) setPlace({ ...EMPTY_PLACE, building: home.building, unit: home.room });
              }}
            />
          </FormField>
        ) : null}
        <FormField label='遇到了什么问题' name='categoryKey' error={form.errors.categoryKey}>
          <CategoryGrid categories={categories} value={categoryKey} onChange={edit('categoryKey', setCategoryKey)} />
        </FormField>
        <FormField label='在哪里' name='place' error={form.errors.place}>
          <PlaceField key={forMemberId || 'self'} value={place} onChange={edit('place', setPlace)} home={forMemberId ? null : home} buildings={buildings} spots={settings.data?.spots ?? []} />
        </FormField>
        <FormField label='简单说说' name='text' error={form.errors.text}>
          <Textarea id='report-text' className='report-input report-textarea' value={text} maxlength={300} placeholder='例如：3楼楼道堆了很多纸箱，挡住了路' onInput={(e) => edit('text', setText)(e.detail.value)} />
        </FormField>
        <FormField label='照片' name='photos' optional hint={`最多${MAX_REPORT_PHOTOS}张，拍下问题更好处理`} error={form.errors.photos}>
          <ImagesField value={photos} onChange={edit('photos', setPhotos)} max={MAX_REPORT_PHOTOS} />
        </FormField>
      </View>
      <SimilarReports items={similar} busyId={joining} onJoin={(id) => void join(id)} />
      <View className='report-form__actions'>
        {similar.some((s) => !s.mine) ? <Text className='card__hint'>不是同一件事？也可以单独上报。</Text> : null}
        <Button className='btn-file-report' type='primary' size='large' block loading={submitting} disabled={submitting} onClick={() => void submit()}>
          提交
        </Button>
        <Button className='btn-my-reports' type='default' size='large' block onClick={() => void Taro.navigateTo({ url: REPORT_PAGES.mine })}>
          我的上报
        </Button>
      </View>
    </PageShell>
  );
}
