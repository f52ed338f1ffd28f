import { Text, View } from '@tarojs/components';
import { StatusTag } from '@/components/StatusTag';
import type { MemberView } from '@shared/domain/member';
import { formatShanghai } from '@shared/time';
import { STATUS_TONES, statusLabel } from '../status';

/** The resident's application: its label, when it was sent, and the reason of a refusal. */
export function ApplicationStatusCard({ member }: { member: MemberView }) {
  const { application } = member;
  const status = member.isMember ? 'approved' : application.status;
  return (
    <View className={`card application-status application-status--${status}`}>
      <View className='card__row'>
        <Text className='card__label'>第二梯队</Text>
        <StatusTag className='application-status__tag' label={statusLabel(status)} tone={STATUS_TONES[status]} />
      </View>
      {application.submittedAt && status !== 'none' ? (
        <Text className='card__hint'>申请时间：{formatShanghai(application.submittedAt)}</Text>
      ) : null}
      {status === 'pending' ? <Text className='card__hint'>居委会审核后会告诉你结果，请耐心等待。</Text> : null}
      {status === 'rejected' && application.reason ? (
        <View className='application-status__reason'>
          <Text className='card__label'>未通过的原因：</Text>
          <Text className='application-reason'>{application.reason}</Text>
        </View>
      ) : null}
    </View>
  );
}
