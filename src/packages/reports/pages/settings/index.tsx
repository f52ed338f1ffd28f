import { useMemo, useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { ChoiceChips } from '@/components/ChoiceChips';
import { TimeField } from '@/components/DateTimeField';
import { FormField } from '@/components/FormField';
import { PageShell } from '@/components/PageShell';
import { useCloudQuery } from '@/hooks/useCloudQuery';
import { useFormErrors } from '@/hooks/useFormErrors';
import { reportsApi } from '@/features/reports/api';
import { useReportSettings } from '@/features/reports/hooks';
import '@/features/reports/reports.scss';
import { reportSettingsFields, type ReportSettingsInput } from '@shared/actions/reports';
import type { ReportCategory, ReportSettingsView } from '@shared/domain/report';
import { schemaIssues } from '@shared/field-issues';

interface CategoryDraft {
  key: string;
  name: string;
  responseMinutes: string;
  resolutionHours: string;
  quiet: boolean;
  from: string;
  to: string;
  councilId: string;
  skills: string;
  active: boolean;
}

const draftOf = (c: ReportCategory): CategoryDraft => ({
  key: c.key,
  name: c.name,
  responseMinutes: String(c.responseMinutes),
  resolutionHours: String(c.resolutionHours),
  quiet: !!c.quietHours,
  from: c.quietHours?.from ?? '22:00',
  to: c.quietHours?.to ?? '07:00',
  councilId: c.councilId ?? '',
  skills: c.skills.join('、'),
  active: c.active,
});

/** `settings.categories.2.quietHours` is said under the third category; `settings.spots.1` under 公共区域. */
const fieldOf = (path: string) => {
  const p = path.replace(/^settings\./, '');
  const cat = /^categories\.(\d+)/.exec(p);
  return cat ? `cat-${cat[1]}` : (p.split(/[.[]/)[0] ?? p);
};

const NONE = 'none';

function SettingsForm({ initial, onSaved }: { initial: ReportSettingsView; onSaved: (s: ReportSettingsView) => void }) {
  const [cats, setCats] = useState<CategoryDraft[]>(() => initial.categories.map(draftOf));
  const [spots, setSpots] = useState<string[]>(initial.spots);
  const [newSpot, setNewSpot] = useState('');
  const [points, setPoints] = useState(String(initial.handlerPoints));
  const [saving, setSaving] = useState(false);
  const fields = useMemo(() => ['categories', ...cats.map((_, i) => `cat-${i}`), 'spots', 'handlerPoints'], [cats]);
  const form = useFormErrors({ fields, fieldOf });
  const councilsQuery = useCloudQuery(reportsApi.councils);
  const councils = [{ value: NONE, label: '不转分会' }, ...(councilsQuery.data?.items ?? []).filter((c) => c.active && c.kind !== 'main').map((c) => ({ value: c.id, label: c.name }))];

  const setCat = (i: number, patch: Partial<CategoryDraft>) => {
    setCats((prev) => prev.map((c, j) => (j === i ? { ...c, ...patch } : c)));
    form.clear(`cat-${i}`);
  };
  const addCat = () => setCats((prev) => [...prev, { key: `c${Date.now().toString(36)}`, name: '', responseMinutes: '15', resolutionHours: '24', quiet: false, from: '22:00', to: '07:00', councilId: '', skills: '', active: true }]);
  const addSpot = () => {
    if (!newSpot.trim()) return;
    setSpots((prev) => [...prev, newSpot.trim()]);
    setNewSpot('');
    form.clear('spots');
  };

  const save = async () => {
    form.reset();
    const settings: ReportSettingsInput = {
      categories: cats.map((c) => ({
        key: c.key,
        name: c.name,
        responseMinutes: Number(c.responseMinutes),
        resolutionHours: Number(c.resolutionHours),
        quietHours: c.quiet ? { from: c.from, to: c.to } : null,
        councilId: c.councilId || null,
        skills: c.skills.split(/[、,，\s]+/).filter(Boolean),
        active: c.active,
      })),
      spots,
      handlerPoints: Number(points),
    };
    const issues = schemaIssues(reportSettingsFields, settings);
    if (issues) return form.showIssues(issues);
    setSaving(true);
    try {
      onSaved(await reportsApi.saveSettings({ settings }));
      void Taro.showToast({ title: '已保存', icon: 'success', duration: 1500 });
    } catch (err) {
      form.fail(err);
    } finally {
      setSaving(false);
    }
  };

  return (
    <View className={`report-settings${saving ? ' is-busy' : ''}`}>
      {form.formError ? (
        <View className='inline-error report-save-error' role='alert'>
          {form.formError}
        </View>
      ) : null}
      <FormField label='问题类别' name='categories' hint='响应时限按分钟，办结时限按小时；安静时段内上报的，从时段结束起算响应时间' error={form.errors.categories}>
        {cats.map((c, i) => (
          <View key={c.key} className='card report-settings__category' data-key={c.key}>
            <FormField label={`类别 ${i + 1}`} name={`cat-${i}`} error={form.errors[`cat-${i}`]}>
              <Input className='report-input cat-name' value={c.name} maxlength={10} placeholder='类别名称' onInput={(e) => setCat(i, { name: e.detail.value })} />
              <View className='report-settings__row'>
                <Text>响应时限（分钟）</Text>
                <Input className='report-input report-input--number cat-response' type='number' value={c.responseMinutes} onInput={(e) => setCat(i, { responseMinutes: e.detail.value })} />
              </View>
              <View className='report-settings__row'>
                <Text>办结时限（小时）</Text>
                <Input className='report-input report-input--number cat-resolution' type='number' value={c.resolutionHours} onInput={(e) => setCat(i, { resolutionHours: e.detail.value })} />
              </View>
              <ChoiceChips id={`cat-quiet-${i}`} options={[{ value: 'quiet', label: '设安静时段' }]} value={c.quiet ? ['quiet'] : []} onChange={(v) => setCat(i, { quiet: v.length > 0 })} />
              {c.quiet ? (
                <View className='report-settings__row'>
                  <TimeField id={`cat-${i}-from`} value={c.from} onChange={(from) => setCat(i, { from })} />
                  <Text>到</Text>
                  <TimeField id={`cat-${i}-to`} value={c.to} onChange={(to) => setCat(i, { to })} />
                </View>
              ) : null}
              <Text className='card__hint'>网格处理不了时，可转交的分会</Text>
              <ChoiceChips id={`cat-council-${i}`} single options={councils} value={[c.councilId || NONE]} onChange={(v) => setCat(i, { councilId: v[0] === NONE ? '' : (v[0] ?? '') })} />
              <Input className='report-input cat-skills' value={c.skills} placeholder='例如：电工、水电工' onInput={(e) => setCat(i, { skills: e.detail.value })} />
              <ChoiceChips id={`cat-active-${i}`} options={[{ value: 'active', label: '在用' }]} value={c.active ? ['active'] : []} onChange={(v) => setCat(i, { active: v.length > 0 })} />
            </FormField>
          </View>
        ))}
        <Button className='btn-add-category' type='default' size='large' block onClick={addCat}>
          再加一个类别
        </Button>
      </FormField>
      <FormField label='公共区域' name='spots' hint='居民上报时可以选的地方' error={form.errors.spots}>
        {spots.map((s, i) => (
          <View key={`${s}-${i}`} className='report-settings__row report-spot' data-spot={s}>
            <Text>{s}</Text>
            <View className='report-spot__remove' role='button' onClick={() => setSpots((prev) => prev.filter((_, j) => j !== i))}>
              <Text>删除</Text>
            </View>
          </View>
        ))}
        <Input id='report-new-spot' className='report-input' value={newSpot} maxlength={30} placeholder='例如：3号楼前绿地' onInput={(e) => setNewSpot(e.detail.value)} />
        <Button className='btn-add-spot' type='default' size='large' block onClick={addSpot}>
          添加公共区域
        </Button>
      </FormField>
      <FormField label='按时办结的积分' name='handlerPoints' hint='填0就不奖励积分' error={form.errors.handlerPoints}>
        <Input id='report-handler-points' className='report-input report-input--number' type='number' value={points} onInput={(e) => (setPoints(e.detail.value), form.clear('handlerPoints'))} />
      </FormField>
      <Button className='btn-save-report-settings' type='primary' size='large' block loading={saving} disabled={saving} onClick={() => void save()}>
        保存设置
      </Button>
    </View>
  );
}

/** 上报设置 (the committee): categories with their clocks, quiet hours, council and skills; public spots; points. */
export default function ReportSettingsPage() {
  const query = useReportSettings();
  const [round, setRound] = useState(0);
  return (
    <PageShell className={`page-reports-settings${query.loading ? ' is-busy' : ''}`} title='上报设置' loading={query.loading && !query.data} error={query.data ? null : query.error} onRetry={() => void query.reload()}>
      {query.data ? (
        <SettingsForm
          key={round}
          initial={query.data}
          onSaved={(s) => {
            query.setData(s);
            setRound((n) => n + 1);
          }}
        />
      ) : null}
    </PageShell>
  );
}
