import { useMemo, useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { ChoiceChips } from '@/components/ChoiceChips';
import { FormField } from '@/components/FormField';
import { PageShell } from '@/components/PageShell';
import { useCloudQuery } from '@/hooks/useCloudQuery';
import { useFormErrors } from '@/hooks/useFormErrors';
import { participationApi } from '@/features/participation/api';
import { useParticipationSettings } from '@/features/participation/hooks';
import '@/features/participation/participation.scss';
import { participationSettingsFields, type ParticipationSettingsInput } from '@shared/actions/participation';
import type { ParticipationSettingsView, ProposalCategory } from '@shared/domain/participation';
import { schemaIssues } from '@shared/field-issues';

/** `settings.categories.2.name` is said under the third category; `settings.threshold` under 门槛. */
const fieldOf = (path: string) => {
  const p = path.replace(/^settings\./, '');
  const cat = /^categories\.(\d+)/.exec(p);
  return cat ? `cat-${cat[1]}` : (p.split(/[.[]/)[0] ?? p);
};
const NONE = 'none';
/** A number typed, or NaN for an empty box (the schema then says 请填写…). */
const numberOf = (s: string) => (s.trim() === '' ? Number.NaN : Number(s));

function SettingsForm({ initial, onSaved }: { initial: ParticipationSettingsView; onSaved: (s: ParticipationSettingsView) => void }) {
  const [threshold, setThreshold] = useState(String(initial.threshold));
  const [windowDays, setWindowDays] = useState(String(initial.windowDays));
  const [answerDays, setAnswerDays] = useState(String(initial.answerDays));
  const [cats, setCats] = useState<ProposalCategory[]>(initial.categories);
  const [saving, setSaving] = useState(false);
  const fields = useMemo(() => ['threshold', 'windowDays', 'answerDays', 'categories', ...cats.map((_, i) => `cat-${i}`)], [cats]);
  const form = useFormErrors({ fields, fieldOf });
  const councilsQuery = useCloudQuery(participationApi.councils);
  const councils = [{ value: NONE, label: '居委答复' }, ...(councilsQuery.data?.items ?? []).filter((c) => c.active && c.kind !== 'main').map((c) => ({ value: c.id, label: c.name }))];

  const setCat = (i: number, patch: Partial<ProposalCategory>) => {
    setCats((prev) => prev.map((c, j) => (j === i ? { ...c, ...patch } : c)));
    form.clear(`cat-${i}`);
  };
  const addCat = () => setCats((prev) => [...prev, { key: `c${Date.now().toString(36)}`, name: '', councilId: null, active: true }]);

  const save = async () => {
    form.reset();
    const settings: ParticipationSettingsInput = { threshold: numberOf(threshold), windowDays: numberOf(windowDays), answerDays: numberOf(answerDays), categories: cats };
    const issues = schemaIssues(participationSettingsFields, settings);
    if (issues) return form.showIssues(issues);
    setSaving(true);
    try {
      onSaved(await participationApi.saveSettings({ settings }));
      void Taro.showToast({ title: '已保存', icon: 'success', duration: 1500 });
    } catch (err) {
      form.fail(err);
    } finally {
      setSaving(false);
    }
  };

  const numberField = (name: string, label: string, hint: string, value: string, set: (v: string) => void) => (
    <FormField label={label} name={name} hint={hint} error={form.errors[name]}>
      <Input id={`participation-${name}`} className='pp-input pp-input--number' type='number' value={value} onInput={(e) => (set(e.detail.value), form.clear(name))} />
    </FormField>
  );

  return (
    <View className={`pp-settings${saving ? ' is-busy' : ''}`}>
      {form.formError ? (
        <View className='inline-error pp-save-error' role='alert'>
          {form.formError}
        </View>
      ) : null}
      <View className='card'>
        {numberField('threshold', '支持人数门槛', '够这么多邻居支持，议题就交给居委或分会答复', threshold, setThreshold)}
        {numberField('windowDays', '征集天数', '提出后这么多天内没够人数，议题自动归档', windowDays, setWindowDays)}
        {numberField('answerDays', '答复时限（天）', '人数够了以后，这么多天内要给出答复', answerDays, setAnswerDays)}
      </View>
      <FormField label='议题类别' name='categories' hint='每个类别可以交给一个分会答复；停用的类别不再给新议题选' error={form.errors.categories}>
        {cats.map((c, i) => (
          <View key={c.key} className='card pp-settings__category' data-key={c.key}>
            <FormField label={`类别 ${i + 1}`} name={`cat-${i}`} error={form.errors[`cat-${i}`]}>
              <Input className='pp-input cat-name' value={c.name} maxlength={10} placeholder='类别名称' onInput={(e) => setCat(i, { name: e.detail.value })} />
              <Text className='card__hint'>由谁答复</Text>
              <ChoiceChips id={`cat-council-${i}`} single options={councils} value={[c.councilId ?? NONE]} onChange={(v) => setCat(i, { councilId: v[0] === NONE ? null : (v[0] ?? null) })} />
              <ChoiceChips id={`cat-active-${i}`} options={[{ value: 'active', label: '在用' }]} value={c.active ? ['active'] : []} onChange={(v) => setCat(i, { active: v.length > 0 })} />
            </FormField>
          </View>
        ))}
        <Button className='btn-add-category' type='default' size='large' block onClick={addCat}>
          再加一个类别
        </Button>
      </FormField>
      <Button className='btn-save-participation-settings' type='primary' size='large' block loading={saving} disabled={saving} onClick={() => void save()}>
        保存设置
      </Button>
    </View>
  );
}

/** 议事设置 (the committee): the support threshold, the window, the answer time and the categories with their sub-council. */
export default function ParticipationSettingsPage() {
  const query = useParticipationSettings();
  const [round, setRound] = useState(0);
  return (
    <PageShell className={`page-participation-settings${query.loading ? ' is-busy' : ''}`} title='议事设置' loading={query.loading && !query.data} error={query.data ? null : query.error} onRetry={() => void query.reload()}>
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
