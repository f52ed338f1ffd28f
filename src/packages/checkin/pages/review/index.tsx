import { useCallback, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { PageShell } from '@/components/PageShell';
import { checkinApi } from '@/features/checkin/api';
import '@/features/checkin/checkin.scss';
import { useCloudQuery } from '@/hooks/useCloudQuery';
import { errorText } from '@/services/cloud';
import { confirmFirst } from '@/services/confirm';
import type { AttendanceRow } from '@shared/domain/checkin';
import { formatHours } from '@shared/rules/hours';
import { formatShanghai } from '@shared/time';

const STATUS: Record<AttendanceRow['status'], string> = { present: '未签退', left: '已签退', absent: '未到' };
type Adjustment = { halfHours: string; reason: string };

/**
 * What confirming will do, in the words of the modal: who gets hours and points (as the function counts them: checked
 * in, more than zero hours after any adjustment), who is recorded as not there, and that it cannot be undone.
 */
export function confirmText(rows: AttendanceRow[], adjusted: Map<string, number>): string {
  const served = rows.filter((r) => r.status !== 'absent' && (adjusted.get(r.memberId) ?? r.halfHours) > 0).length;
  const absent = rows.filter((r) => r.status === 'absent').length;
  const parts = [served > 0 ? `${served}人的服务时长会记入，积分随之发到他们的账上` : '这次没有人记入时长'];
  if (absent > 0) parts.push(`${absent}人记为未到`);
  return `${parts.join('；')}。确认后不能撤回，时长也不能再调整。确定吗？`;
}

function Row({ row, editable, adjustment, onAdjust }: { row: AttendanceRow; editable: boolean; adjustment?: Adjustment; onAdjust: (a: Adjustment) => void }) {
  const times = [row.checkedInAt && `签到 ${formatShanghai(row.checkedInAt, 'HH:mm')}`, row.checkedOutAt && `签退 ${formatShanghai(row.checkedOutAt, 'HH:mm')}`]
    .filter(Boolean)
    .join(' · ');
  return (
    <View className={`checkin-row checkin-row--${row.status}`}>
      <Text className='checkin-row__name'>
        {row.name} · {STATUS[row.status]}
        {row.walkIn ? '（临时参加）' : ''}
      </Text>
      <Text className='checkin-row__meta'>
        {times || '没有签到记录'} · 时长 {formatHours(row.halfHours)}
        {row.adjustReason ? `（调整：${row.adjustReason}）` : ''}
      </Text>
      {editable && row.status !== 'absent' ? (
        <View>
          <Input
            id={`input-hours-${row.memberId}`}
            className='checkin-row__input input-hours'
            type='digit'
            placeholder={`调整时长（小时），按记录为 ${row.derivedHalfHours / 2}`}
            value={adjustment?.halfHours ?? ''}
            onInput={(e) => onAdjust({ halfHours: e.detail.value, reason: adjustment?.reason ?? '' })}
          />
          <Input
            id={`input-reason-${row.memberId}`}
            className='checkin-row__input input-reason'
            placeholder='调整原因（调整时必填）'
            value={adjustment?.reason ?? ''}
            onInput={(e) => onAdjust({ halfHours: adjustment?.halfHours ?? '', reason: e.detail.value })}
          />
        </View>
      ) : null}
    </View>
  );
}

/** 核对时长: after the event the organizer checks each person's hours, adjusts with a reason and confirms once. */
export default function ReviewPage() {
  const eventId = useRouter().params.eventId ?? '';
  const fetch = useCallback(() => checkinApi.review(eventId), [eventId]);
  const review = useCloudQuery(eventId ? fetch : null);
  const [adjustments, setAdjustments] = useState<Record<string, Adjustment>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const confirm = async () => {
    setError(null);
    const list = Object.entries(adjustments)
      .filter(([, a]) => a.halfHours.trim() !== '')
      .map(([memberId, a]) => ({ memberId, halfHours: Math.round(Number(a.halfHours) * 2), reason: a.reason.trim() }));
    if (list.some((a) => !Number.isFinite(a.halfHours) || a.halfHours < 0)) return setError('时长请填写数字，例如 1.5');
    if (list.some((a) => !a.reason)) return setError('调整时长请填写原因');
    const rows = review.data?.rows ?? [];
    const adjusted = new Map(list.map((a) => [a.memberId, a.halfHours]));
    if (!(await confirmFirst({ title: '确认时长', content: confirmText(rows, adjusted), confirmText: '确认记入' }))) return;
    setBusy(true);
    try {
      const res = await checkinApi.confirm({ eventId, adjustments: list });
      void Taro.showToast({ title: `已确认，${res.served}人记入时长`, icon: 'success', duration: 1500 });
      await review.reload();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  const data = review.data;
  return (
    <PageShell title={data ? `核对时长 · ${data.title}` : '核对时长'} loading={review.loading} error={review.error} onRetry={review.reload}>
      {data ? (
        <View className='card'>
          {data.rows.length === 0 ? <Text className='list-footer list-empty'>还没有人报名或签到</Text> : null}
          {data.rows.map((row) => (
            <Row
              key={row.memberId}
              row={row}
              editable={!data.confirmed}
              adjustment={adjustments[row.memberId]}
              onAdjust={(a) => setAdjustments((all) => ({ ...all, [row.memberId]: a }))}
            />
          ))}
          {error ? (
            <View className='inline-error' role='alert'>
              {error}
            </View>
          ) : null}
          {data.confirmed ? (
            <Text className='checkin-answer checkin-answer--ok review-confirmed'>时长和积分已确认记入</Text>
          ) : (
            <Button className='btn-confirm' type='primary' size='large' block disabled={busy || !data.ended} onClick={confirm}>
              {data.ended ? '确认时长并记入积分' : '活动结束后才能确认'}
            </Button>
          )}
        </View>
      ) : null}
    </PageShell>
  );
}
