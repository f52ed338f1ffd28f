import { useState } from 'react';
import { Text, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { FieldError } from '@/components/FieldError';
import { StatusTag } from '@/components/StatusTag';
import { ERRORS } from '@shared/errors';
import type { ApplicationView } from '@shared/domain/member';
import { formatShanghai } from '@shared/time';
import { STATUS_TONES, statusLabel } from '../status';

export interface ApplicationRowProps {
  item: ApplicationView;
  /** The member id being reviewed right now, if any (its buttons show a busy state). */
  busy: boolean;
  onApprove: (item: ApplicationView) => void;
  onReject: (item: ApplicationView, reason: string) => void;
  /** Given: the name opens the member's page. */
  onOpen?: (item: ApplicationView) => void;
}

/** One application in the committee's list; pending ones carry 通过 / 不通过 (with a required reason). */
export function ApplicationRow({ item, busy, onApprove, onReject, onOpen }: ApplicationRowProps) {
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const { application } = item;
  const pending = application.status === 'pending';

  const confirmReject = () => {
    const text = reason.trim();
    if (!text) {
      setReasonError(ERRORS['MEMBERS.REASON_REQUIRED']);
      return;
    }
    setReasonError(null);
    onReject(item, text);
  };

  return (
    <View className={`card application-row application-row--${application.status}`} data-member-id={item.memberId}>
      <View className='card__row'>
        {onOpen ? (
          <View className='application-row__name application-row__open' role='link' onClick={() => onOpen(item)}>
            <Text>{item.name || '（未填姓名）'}</Text>
            <Text className='application-row__chevron'> 详情 ›</Text>
          </View>
        ) : (
          <Text className='application-row__name'>{item.name || '（未填姓名）'}</Text>
        )}
        <StatusTag label={statusLabel(application.status)} tone={STATUS_TONES[application.status]} />
      </View>
      <Text className='application-row__line application-row__address'>
        {[item.building, item.room].filter(Boolean).join(' ') || '未填楼栋门牌'}
      </Text>
      {item.phone ? <Text className='application-row__line application-row__phone'>手机：{item.phone}</Text> : null}
      {item.skills.length ? (
        <Text className='application-row__line application-row__skills'>技能：{item.skills.join('、')}</Text>
      ) : null}
      {application.motivation ? (
        <Text className='application-row__line application-row__motivation'>想说的话：{application.motivation}</Text>
      ) : null}
      {application.submittedAt ? (
        <Text className='application-row__meta'>申请于 {formatShanghai(application.submittedAt)}</Text>
      ) : null}
      {application.status === 'rejected' && application.reason ? (
        <Text className='application-row__line application-row__reason'>未通过原因：{application.reason}</Text>
      ) : null}
      {pending && !rejecting ? (
        <View className='application-row__actions'>
          <Button className='btn-approve' type='primary' size='large' disabled={busy} loading={busy} onClick={() => onApprove(item)}>
            通过
          </Button>
          <Button className='btn-reject' type='default' size='large' disabled={busy} onClick={() => setRejecting(true)}>
            不通过
          </Button>
        </View>
      ) : null}
      {pending && rejecting ? (
        <View className='application-row__reject'>
          <Text className='card__label'>未通过的原因（居民会看到）</Text>
          <Textarea
            id={`reject-reason-${item.memberId}`}
            className='text-area reject-reason'
            value={reason}
            maxlength={200}
            placeholder='例如：请先补充楼栋门牌，我们核实后再审核'
            onInput={(e) => {
              setReason(e.detail.value);
              if (reasonError) setReasonError(null);
            }}
          />
          <FieldError message={reasonError} field='reason' />
          <View className='application-row__actions'>
            <Button className='btn-confirm-reject' type='danger' size='large' disabled={busy} loading={busy} onClick={confirmReject}>
              确认不通过
            </Button>
            <Button
              className='btn-cancel-reject'
              type='default'
              size='large'
              disabled={busy}
              onClick={() => {
                setRejecting(false);
                setReasonError(null);
              }}
            >
              取消
            </Button>
          </View>
        </View>
      ) : null}
    </View>
  );
}
