import { useState } from 'react';
import { Input, Text, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { DateField } from '@/components/DateTimeField';
import { FormField } from '@/components/FormField';
import { useFormErrors } from '@/hooks/useFormErrors';
import { formatShanghai } from '@shared/time';
import { WEEKDAY_LABELS, type CabinView, type Closure, type WeeklyHours } from '@shared/domain/cabin';
import { cabinApi, newRequestId } from '../../api';
import { dayIssue, emptyWeek, sortedRanges } from '../../hours';
import { WeekHours } from './WeekHours';

interface SectionDraft {
  key: string;
  name: string;
  hours: WeeklyHours;
  /** The section keeps the cabin's hours. */
  own: boolean;
}

const dayField = (day: number) => `hours-${day}`;
const sectionDayField = (section: number) => (day: number) => `section-${section}-hours-${day}`;

/** The form's fields in page order: the first with an error is scrolled to. */
const cabinFields = (sections: number) => [
  'cabinName',
  'cabinPlace',
  'cabinDescription',
  ...WEEKDAY_LABELS.map((_, i) => dayField(i)),
  'sections',
  ...Array.from({ length: sections }, (_, s) => WEEKDAY_LABELS.map((__, i) => sectionDayField(s)(i))).flat(),
  'closures',
];
/**
 * The server names a field `cabin.name`, `cabin.hours.2.0.to` or `cabin.sections.1.hours.2`; the form shows it
 * under 名称, under 周三, or under 周三 of the second section.
 */
function cabinFieldOf(path: string): string {
  const [, field, index, sub, day] = path.split('.');
  if (field === 'name' || field === 'place' || field === 'description') return `cabin${field[0]!.toUpperCase()}${field.slice(1)}`;
  if (field === 'hours') return dayField(Number(index ?? 0));
  if (field === 'sections' && sub === 'hours' && index !== undefined) return sectionDayField(Number(index))(Number(day ?? 0));
  return field ?? path;
}

/** The week as the function wants it, each day's ranges in order; the message under each day that is wrong. */
function checkWeek(week: WeeklyHours, fieldOf: (day: number) => string): { hours: WeeklyHours; issues: Record<string, string> } {
  const issues: Record<string, string> = {};
  week.forEach((ranges, day) => {
    const issue = dayIssue(ranges);
    if (issue) issues[fieldOf(day)] = issue;
  });
  return { hours: week.map(sortedRanges), issues };
}

/** A new key for a section a keeper adds (keys are lower-case letters, digits and -). */
const newSectionKey = (taken: SectionDraft[]) => {
  let n = taken.length + 1;
  while (taken.some((s) => s.key === `s${n}`)) n += 1;
  return `s${n}`;
};

/** The committee sets up a cabin: name, place, weekly hours, sections with their own hours, holidays. */
export function CabinForm({ cabin, onSaved }: { cabin: CabinView | null; onSaved: (cabin: CabinView) => void }) {
  const [name, setName] = useState(cabin?.name ?? '爱心格子屋');
  const [place, setPlace] = useState(cabin?.place ?? '');
  const [description, setDescription] = useState(cabin?.description ?? '');
  const [hours, setHours] = useState<WeeklyHours>(cabin?.hours ?? emptyWeek());
  const [sections, setSections] = useState<SectionDraft[]>(
    cabin?.sections.map((s) => ({ key: s.key, name: s.name, hours: s.hours ?? emptyWeek(), own: !!s.hours })) ?? [{ key: 's1', name: '共享书架', hours: emptyWeek(), own: false }],
  );
  const [closures, setClosures] = useState<Closure[]>(cabin?.closures ?? []);
  const [closure, setClosure] = useState({ from: '', to: '', reason: '' });
  const [requestId] = useState(newRequestId);
  const [busy, setBusy] = useState(false);
  const form = useFormErrors({ fields: cabinFields(sections.length), fieldOf: cabinFieldOf });
  const today = formatShanghai(Date.now(), 'YYYY-MM-DD');

  const save = async () => {
    form.reset();
    const week = checkWeek(hours, dayField);
    const own = sections.map((s, i) => (s.own ? checkWeek(s.hours, sectionDayField(i)) : null));
    const issues = Object.assign({}, week.issues, ...own.map((o) => o?.issues ?? {})) as Record<string, string>;
    if (Object.keys(issues).length) return form.showIssues(issues);
    setBusy(true);
    try {
      const res = await cabinApi.saveCabin({
        ...(cabin ? { cabinId: cabin.id } : {}),
        cabin: {
          name,
          place,
          description,
          hours: week.hours,
          sections: sections.map((s, i) => ({ key: s.key, name: s.name, hours: own[i]?.hours ?? null })),
          closures,
        },
        requestId,
      });
      onSaved(res.cabin);
    } catch (err) {
      form.fail(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className='card cabin-form'>
      <FormField label='名称' name='cabinName' error={form.errors.cabinName}>
        <Input id='cabin-name' className='cabin-input' value={name} maxlength={20} onInput={(e) => setName(e.detail.value)} />
      </FormField>
      <FormField label='地点' name='cabinPlace' error={form.errors.cabinPlace}>
        <Input id='cabin-place' className='cabin-input' value={place} maxlength={40} placeholder='例如：3号楼下' onInput={(e) => setPlace(e.detail.value)} />
      </FormField>
      <FormField label='介绍' name='cabinDescription' optional error={form.errors.cabinDescription}>
        <Textarea id='cabin-description' className='text-area' value={description} maxlength={300} onInput={(e) => setDescription(e.detail.value)} />
      </FormField>
      <View className='card__title'>每周开放时间</View>
      <Text className='card__hint'>点「添加时段」选开门和关门的时间，一天可以有几个时段；没有时段的日子不开放。</Text>
      <WeekHours id='cabin-hours' value={hours} onChange={setHours} fieldOf={dayField} errors={form.errors} onEdit={form.clear} />
      <View className='card__title form-field--sections'>区域</View>
      <Text className='card__hint'>区域有自己的开放时间时（例如报刊架只在 9:00 到 10:00 开），点「和格子屋同时开放」改成自己的时间，再按天选时段。</Text>
      {sections.map((s, i) => (
        <View key={s.key} className='cabin-row section-draft' data-section-key={s.key}>
          <Input className='cabin-input section-name' value={s.name} maxlength={12} onInput={(e) => setSections((prev) => prev.map((x, j) => (j === i ? { ...x, name: e.detail.value } : x)))} />
          <View
            className='link-btn section-own'
            role='button'
            onClick={() => setSections((prev) => prev.map((x, j) => (j === i ? { ...x, own: !x.own, hours: x.hours.some((d) => d.length) ? x.hours : hours } : x)))}
          >
            {s.own ? '✓ 有自己的开放时间' : '和格子屋同时开放'}
          </View>
          {s.own ? (
            <WeekHours
              id={`section-${i}-hours`}
              value={s.hours}
              onChange={(week) => setSections((prev) => prev.map((x, j) => (j === i ? { ...x, hours: week } : x)))}
              fieldOf={sectionDayField(i)}
              errors={form.errors}
              onEdit={form.clear}
            />
          ) : null}
        </View>
      ))}
      <Button className='btn-add-section' type='default' size='large' block onClick={() => setSections((prev) => [...prev, { key: newSectionKey(prev), name: '', hours: emptyWeek(), own: false }])}>
        加一个区域
      </Button>
      {form.errors.sections ? (
        <View className='field-error field-error--sections' role='alert'>
          {form.errors.sections}
        </View>
      ) : null}
      <View className='card__title form-field--closures'>节假日和闭馆</View>
      {closures.map((c, i) => (
        <View key={`${c.from}-${c.to}-${i}`} className='cabin-row closure-row'>
          <Text className='cabin-row__title'>
            {c.from} 至 {c.to}：{c.reason}
          </Text>
          <View className='link-btn btn-remove-closure' role='button' onClick={() => setClosures((prev) => prev.filter((_, j) => j !== i))}>
            删除
          </View>
        </View>
      ))}
      <FormField label='从哪天起' name='closureFrom'>
        <DateField id='closure-from' value={closure.from} min={today} placeholder='选择开始日期' onChange={(from) => setClosure({ ...closure, from, to: closure.to && closure.to < from ? from : closure.to })} />
      </FormField>
      <FormField label='到哪天' name='closureTo' optional hint='只休一天就不用选'>
        <DateField id='closure-to' value={closure.to} min={closure.from || today} placeholder='选择结束日期' onChange={(to) => setClosure({ ...closure, to })} />
      </FormField>
      <Input id='closure-reason' className='cabin-input' value={closure.reason} maxlength={30} placeholder='原因，例如：元旦休息' onInput={(e) => setClosure({ ...closure, reason: e.detail.value })} />
      <Button
        className='btn-add-closure'
        type='default'
        size='large'
        block
        disabled={!closure.from || !closure.reason}
        onClick={() => {
          setClosures((prev) => [...prev, { from: closure.from.trim(), to: (closure.to || closure.from).trim(), reason: closure.reason.trim() }]);
          setClosure({ from: '', to: '', reason: '' });
        }}
      >
        加上这段闭馆
      </Button>
      {form.errors.closures ? (
        <View className='field-error field-error--closures' role='alert'>
          {form.errors.closures}
        </View>
      ) : null}
      {form.formError ? (
        <View className='inline-error cabin-form-error' role='alert'>
          {form.formError}
        </View>
      ) : null}
      <Button className='btn-save-cabin' type='primary' size='large' block loading={busy} disabled={busy} onClick={() => void save()}>
        保存
      </Button>
    </View>
  );
}
