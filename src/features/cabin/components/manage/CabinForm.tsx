import { useState } from 'react';
import { Input, Text, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { FormField } from '@/components/FormField';
import { errorText } from '@/services/cloud';
import { WEEKDAY_LABELS, type CabinView, type Closure } from '@shared/domain/cabin';
import { cabinApi, fieldErrors, newRequestId } from '../../api';
import { emptyWeek, parseWeek, rangesText } from '../../hours';

interface SectionDraft {
  key: string;
  name: string;
  hours: string;
  /** The section keeps the cabin's hours. */
  own: boolean;
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
  const [hours, setHours] = useState((cabin?.hours ?? emptyWeek()).map(rangesText));
  const [sections, setSections] = useState<SectionDraft[]>(
    cabin?.sections.map((s) => ({ key: s.key, name: s.name, hours: s.hours ? s.hours.map(rangesText).join('|') : '', own: !!s.hours })) ?? [{ key: 's1', name: '共享书架', hours: '', own: false }],
  );
  const [closures, setClosures] = useState<Closure[]>(cabin?.closures ?? []);
  const [closure, setClosure] = useState({ from: '', to: '', reason: '' });
  const [requestId] = useState(newRequestId);
  const [busy, setBusy] = useState(false);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);

  const save = async () => {
    const week = parseWeek(hours);
    const sectionHours = sections.map((s) => (s.own ? parseWeek(s.hours.split('|')) : null));
    if (!week || sections.some((s, i) => s.own && !sectionHours[i])) {
      setError('开放时间请按“09:00-10:00”这样填写，多个时段用空格隔开');
      return;
    }
    setBusy(true);
    setError(null);
    setFields({});
    try {
      const res = await cabinApi.saveCabin({
        ...(cabin ? { cabinId: cabin.id } : {}),
        cabin: {
          name,
          place,
          description,
          hours: week,
          sections: sections.map((s, i) => ({ key: s.key, name: s.name, hours: sectionHours[i] ?? null })),
          closures,
        },
        requestId,
      });
      onSaved(res.cabin);
    } catch (err) {
      const byField = fieldErrors(err);
      setFields(byField);
      setError(Object.keys(byField).length ? Object.values(byField)[0]! : errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className='card cabin-form'>
      <FormField label='名称' name='cabinName' error={fields['cabin.name']}>
        <Input id='cabin-name' className='cabin-input' value={name} maxlength={20} onInput={(e) => setName(e.detail.value)} />
      </FormField>
      <FormField label='地点' name='cabinPlace' error={fields['cabin.place']}>
        <Input id='cabin-place' className='cabin-input' value={place} maxlength={40} placeholder='例如：3号楼下' onInput={(e) => setPlace(e.detail.value)} />
      </FormField>
      <FormField label='介绍' name='cabinDescription' optional>
        <Textarea id='cabin-description' className='text-area' value={description} maxlength={300} onInput={(e) => setDescription(e.detail.value)} />
      </FormField>
      <View className='card__title'>每周开放时间</View>
      <Text className='card__hint'>按“09:00-10:00”填写，一天几个时段用空格隔开；不开放的日子留空。</Text>
      {WEEKDAY_LABELS.map((label, i) => (
        <FormField key={label} label={label} name={`hours-${i}`}>
          <Input id={`cabin-hours-${i}`} className='cabin-input' value={hours[i]} onInput={(e) => setHours((prev) => prev.map((h, j) => (j === i ? e.detail.value : h)))} />
        </FormField>
      ))}
      <View className='card__title'>区域</View>
      <Text className='card__hint'>区域有自己的时间（例如报刊架 9:00-10:00）时，勾选后按周一到周日用“|”隔开填写七天。</Text>
      {sections.map((s, i) => (
        <View key={s.key} className='cabin-row section-draft' data-section-key={s.key}>
          <Input className='cabin-input section-name' value={s.name} maxlength={12} onInput={(e) => setSections((prev) => prev.map((x, j) => (j === i ? { ...x, name: e.detail.value } : x)))} />
          <View className='link-btn section-own' role='button' onClick={() => setSections((prev) => prev.map((x, j) => (j === i ? { ...x, own: !x.own, hours: x.hours || hours.join('|') } : x)))}>
            {s.own ? '✓ 有自己的开放时间' : '和格子屋同时开放'}
          </View>
          {s.own ? <Input className='cabin-input section-hours' value={s.hours} onInput={(e) => setSections((prev) => prev.map((x, j) => (j === i ? { ...x, hours: e.detail.value } : x)))} /> : null}
        </View>
      ))}
      <Button className='btn-add-section' type='default' size='large' block onClick={() => setSections((prev) => [...prev, { key: newSectionKey(prev), name: '', hours: '', own: false }])}>
        加一个区域
      </Button>
      <View className='card__title'>节假日和闭馆</View>
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
      <Input id='closure-from' className='cabin-input' value={closure.from} placeholder='开始日期，如 2027-01-01' onInput={(e) => setClosure({ ...closure, from: e.detail.value })} />
      <Input id='closure-to' className='cabin-input' value={closure.to} placeholder='结束日期' onInput={(e) => setClosure({ ...closure, to: e.detail.value })} />
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
      {error ? (
        <View className='inline-error cabin-form-error' role='alert'>
          {error}
        </View>
      ) : null}
      <Button className='btn-save-cabin' type='primary' size='large' block loading={busy} disabled={busy} onClick={() => void save()}>
        保存
      </Button>
    </View>
  );
}
