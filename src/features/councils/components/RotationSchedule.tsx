import { useState } from 'react';
import { Text, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { FieldError } from '@/components/FieldError';
import { errorText } from '@/services/cloud';
import type { CouncilDetail } from '@shared/domain/council';
import { councilsApi, fieldError } from '../api';
import { scheduleOf, type ScheduleRow } from '../schedule';
import './councils.scss';

export interface RotationScheduleProps {
  council: CouncilDetail;
  /** The server's clock (the schedule follows it, not the phone's). */
  now: string;
  /** The committee or the current chair: may skip or swap a hand-over, with a reason. */
  canChange: boolean;
  onChanged: () => void;
}

type Pending = { kind: 'skip' | 'swap'; row: ScheduleRow; next?: ScheduleRow };

/** The next few terms with their chairs; for those allowed, 跳过 / 与下一任对调 with a required reason. */
export function RotationSchedule({ council, now, canChange, onChanged }: RotationScheduleProps) {
  const [pending, setPending] = useState<Pending | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const schedule = scheduleOf(council, now);

  if (!schedule || !council.rotation) {
    return (
      <View className='card rotation-schedule'>
        <View className='card__title'>轮值会长</View>
        <Text className='card__hint rotation-empty'>还没有排轮值顺序</Text>
      </View>
    );
  }
  const rotationId = council.rotation.id;

  const open = (p: Pending) => {
    setPending(p);
    setReason('');
    setError(null);
  };

  const confirm = async () => {
    if (!pending) return;
    if (!reason.trim()) {
      setError('请写下原因，大家都能看到');
      return;
    }
    const { row, next } = pending;
    setBusy(true);
    setError(null);
    try {
      const base = { councilId: council.id, rotationId, term: row.term.index, memberId: row.term.chairId!, reason };
      if (pending.kind === 'skip') await councilsApi.skip(base);
      else await councilsApi.swap({ ...base, otherMemberId: next!.term.chairId! });
      setPending(null);
      onChanged();
    } catch (err) {
      setError(fieldError(err, 'reason') ?? errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className={`card rotation-schedule${busy ? ' is-busy' : ''}`}>
      <View className='card__title'>轮值会长</View>
      <Text className='card__hint'>
        每任 {council.rotation.plan.termDays} 天，在新一任第一天零点（北京时间）交接
        {schedule.notStarted ? `，将于 ${schedule.rows[0]?.term.startsOn} 开始` : ''}
      </Text>
      {schedule.rows.map((row, i) => {
        const next = schedule.rows[i + 1];
        const isPending = pending?.row.term.index === row.term.index;
        return (
          <View
            key={row.term.index}
            className={`schedule-row${row.current ? ' schedule-row--current' : ''}`}
            data-term={row.term.index}
          >
            <View className='schedule-row__head'>
              <Text className='schedule-row__chair'>
                {row.current ? '本任 ' : ''}
                {row.chairName}
              </Text>
              <Text className='schedule-row__dates'>
                {row.term.startsOn} 至 {row.term.endsOn}
              </Text>
            </View>
            {row.notes.map((note) => (
              <Text key={note} className='schedule-row__note'>
                {note}
              </Text>
            ))}
            {canChange && row.term.chairId && !pending ? (
              <View className='schedule-row__actions'>
                <View className='link-btn btn-skip' role='button' onClick={() => open({ kind: 'skip', row })}>
                  <Text>跳过</Text>
                </View>
                {next?.term.chairId && next.term.chairId !== row.term.chairId ? (
                  <View className='link-btn btn-swap' role='button' onClick={() => open({ kind: 'swap', row, next })}>
                    <Text>与下一任对调</Text>
                  </View>
                ) : null}
              </View>
            ) : null}
            {isPending ? (
              <View className='hand-over-form'>
                <Text className='card__label'>
                  {pending.kind === 'skip'
                    ? `让${row.chairName}跳过这一任，原因（大家都能看到）`
                    : `${row.chairName}与${pending.next?.chairName}对调，原因（大家都能看到）`}
                </Text>
                <Textarea
                  id={`hand-over-reason-${row.term.index}`}
                  className='text-area hand-over-reason'
                  value={reason}
                  maxlength={100}
                  placeholder='例如：这个月外出探亲'
                  onInput={(e) => {
                    setReason(e.detail.value);
                    if (error) setError(null);
                  }}
                />
                <FieldError message={error} field='reason' />
                <View className='schedule-row__actions'>
                  <Button className='btn-confirm-hand-over' type='primary' size='large' loading={busy} disabled={busy} onClick={() => void confirm()}>
                    确认
                  </Button>
                  <Button className='btn-cancel-hand-over' type='default' size='large' disabled={busy} onClick={() => setPending(null)}>
                    取消
                  </Button>
                </View>
              </View>
            ) : null}
          </View>
        );
      })}
    </View>
  );
}
