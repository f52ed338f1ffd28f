import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import Taro from '@tarojs/taro';
import { ChoiceChips } from '@/components/ChoiceChips';
import { DateField, TimeField } from '@/components/DateTimeField';
import { FormField } from '@/components/FormField';
import { useFormErrors } from '@/hooks/useFormErrors';
import type { CabinView, DutyShiftView } from '@shared/domain/cabin';
import { formatShanghai } from '@shared/time';
import { cabinApi } from '../../api';
import { useShifts } from '../../hooks';
import { Answer, useAction } from '../Answer';
import { Paged } from '../Paged';

const SINCE = [
  { value: 'today', label: '今天起' },
  { value: 'week', label: '上周起' },
  { value: 'month', label: '一个月前起' },
] as const;
type Since = (typeof SINCE)[number]['value'];
/** Past shifts are shown to post their hours; the function reads the day in Shanghai time. */
const sinceDay = (since: Since): string | undefined =>
  since === 'today' ? undefined : formatShanghai(Date.now() - (since === 'week' ? 7 : 31) * 24 * 3600 * 1000, 'YYYY-MM-DD');

/** The form's fields in page order; the server's `date`, `from`… are shown under them. */
const SHIFT_FIELDS = ['shiftMember', 'shiftDate', 'shiftTime', 'shiftWeeks'];
const SHIFT_FIELD_OF: Record<string, string> = { memberId: 'shiftMember', date: 'shiftDate', from: 'shiftTime', to: 'shiftTime', weeks: 'shiftWeeks' };
const shiftFieldOf = (path: string) => SHIFT_FIELD_OF[path.split('.')[0] ?? path] ?? path;

function ShiftRow({ shift, canPost, onRemoved }: { shift: DutyShiftView; canPost: boolean; onRemoved: () => void }) {
  const [posted, setPosted] = useState(shift.postedHalfHours);
  const { busy, answer, run } = useAction();
  const post = () =>
    run('post', async () => {
      setPosted((await cabinApi.postDuty(shift.id)).shift.postedHalfHours);
      return '已记入服务时长';
    });
  const remove = async () => {
    const { confirm } = await Taro.showModal({
      title: '取消这次值班',
      content: `${shift.date} ${shift.from}-${shift.to} ${shift.memberName}的值班会从值班表上去掉。确定吗？`,
      confirmText: '取消值班',
      cancelText: '再想想',
    });
    if (!confirm) return;
    await run('remove', async () => {
      // Only a shift still to come can go: one that has ended stays as the duty record.
      if (!(await cabinApi.removeShift(shift.id)).removed) return '这次值班已经结束，留作值班记录，不能取消了';
      onRemoved();
      return '';
    });
  };
  return (
    <View className='cabin-row duty-shift' data-shift-id={shift.id}>
      <Text className='cabin-row__title'>
        {shift.date} {shift.from}-{shift.to} · {shift.memberName}
      </Text>
      {posted !== null ? <Text className='cabin-row__meta'>已记 {posted / 2} 小时服务时长</Text> : null}
      {posted === null ? (
        <View className='cabin-row__actions'>
          {canPost ? (
            <Button className='btn-post-duty' type='default' size='large' block disabled={!!busy} onClick={() => void post()}>
              记服务时长
            </Button>
          ) : null}
          <Button className='btn-remove-shift' type='default' size='large' block disabled={!!busy} onClick={() => void remove()}>
            取消这次值班
          </Button>
        </View>
      ) : null}
      <Answer answer={answer} className='shift-answer' />
    </View>
  );
}

/** 值班: the duty roster from today; add a weekly shift for a keeper or volunteer; post finished shifts' hours. */
export function ManageShifts({ cabin }: { cabin: CabinView }) {
  const [since, setSince] = useState<Since>('today');
  const shifts = useShifts(cabin.id, sinceDay(since));
  const people = [...(cabin.keepers ?? []), ...(cabin.volunteers ?? [])].filter((p, i, all) => all.findIndex((q) => q.memberId === p.memberId) === i);
  const [memberId, setMemberId] = useState('');
  const today = formatShanghai(Date.now(), 'YYYY-MM-DD');
  const [date, setDate] = useState(today);
  const [from, setFrom] = useState('09:00');
  const [to, setTo] = useState('10:00');
  const [weeks, setWeeks] = useState('1');
  const { busy, answer, run } = useAction();
  const form = useFormErrors({ fields: SHIFT_FIELDS, fieldOf: shiftFieldOf });
  const edit =
    (field: string, set: (value: string) => void) =>
    (value: string) => {
      set(value);
      form.clear(field);
    };
  const add = async () => {
    form.reset();
    const input = { cabinId: cabin.id, memberId, date, from, to, weeks: Number(weeks) || 1 };
    // What the pickers cannot rule out is said without a round trip (the function checks it all again). The
    // contract's schemas stay out of this page: valibot split across the cabin subpackage breaks the weapp build.
    const issues: Record<string, string> = {};
    if (!memberId) issues.memberId = '请选择谁来值班';
    if (from >= to) issues.to = '结束时间要晚于开始时间';
    if (!/^\d+$/.test(weeks.trim()) || input.weeks < 1 || input.weeks > 12) issues.weeks = '重复周数要在1到12之间';
    if (Object.keys(issues).length) return form.showIssues(issues);
    await run('add', async () => {
      try {
        const res = await cabinApi.addShifts(input);
        await shifts.refreshAfter();
        return `已排 ${res.shifts.length} 次值班`;
      } catch (err) {
        form.fail(err);
        return '';
      }
    });
  };
  return (
    <>
      <View className='card manage-shift-form'>
        <View className='card__title'>排班</View>
        {people.length === 0 ? <Text className='card__hint'>先在“人员”里设置管理员或值班志愿者。</Text> : null}
        <FormField label='谁值班' name='shiftMember' error={form.errors.shiftMember}>
          <ChoiceChips id='shift-member' single options={people.map((p) => ({ value: p.memberId, label: p.name }))} value={[memberId]} onChange={([m]) => edit('shiftMember', setMemberId)(m!)} />
        </FormField>
        <FormField label='日期' name='shiftDate' error={form.errors.shiftDate}>
          <DateField id='shift-date' value={date} min={today} onChange={edit('shiftDate', setDate)} />
        </FormField>
        <FormField label='从几点到几点' name='shiftTime' error={form.errors.shiftTime}>
          <View className='datetime-field'>
            <TimeField id='shift-from' value={from} onChange={edit('shiftTime', setFrom)} />
            <Text className='datetime-field__to'>到</Text>
            <TimeField id='shift-to' value={to} onChange={edit('shiftTime', setTo)} />
          </View>
        </FormField>
        <FormField label='每周重复几周' name='shiftWeeks' hint='1 到 12 周' error={form.errors.shiftWeeks}>
          <Input id='shift-weeks' className='cabin-input' type='number' value={weeks} maxlength={2} onInput={(e) => edit('shiftWeeks', setWeeks)(e.detail.value)} />
        </FormField>
        {form.formError ? (
          <View className='inline-error add-shift-error' role='alert'>
            {form.formError}
          </View>
        ) : null}
        <Button className='btn-add-shift' type='primary' size='large' block loading={busy === 'add'} disabled={!!busy} onClick={() => void add()}>
          排班
        </Button>
        <Answer answer={answer} className='add-shift-answer' />
      </View>
      <View className='card manage-shifts'>
        <View className='card__title'>值班表</View>
        <ChoiceChips id='shift-since' single options={SINCE} value={[since]} onChange={([v]) => setSince(v as Since)} />
        <Paged list={shifts} empty='还没有排班。'>
          {shifts.items.map((s) => (
            <ShiftRow key={s.id} shift={s} canPost={cabin.canSetup} onRemoved={() => void shifts.refreshAfter((x) => x.id === s.id)} />
          ))}
        </Paged>
      </View>
    </>
  );
}
