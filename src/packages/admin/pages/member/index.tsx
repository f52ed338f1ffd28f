import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { PageShell } from '@/components/PageShell';
import { membersApi } from '@/features/members/api';
import { ApplicationStatusCard } from '@/features/members/components/ApplicationStatusCard';
import { HistoryList } from '@/features/members/components/HistoryList';
import { Row } from '@/features/members/components/ProfileSummary';
import { RolePanel } from '@/features/members/components/RolePanel';
import { isCommittee } from '@/features/members/entries';
import { useMe } from '@/features/members/useMe';
import { useMemberDetail } from '@/features/members/useMemberDetail';
import { errorText } from '@/services/cloud';
import { confirmFirst } from '@/services/confirm';
import { STAFF_ROLE_LABELS, type PromotableRole } from '@shared/domain/member';

/** 成员详情: a member's record, roles and history; the committee promotes or ends 楼组长 / 第一梯队 here. */
export default function MemberDetailPage() {
  const memberId = (useRouter().params as Record<string, string | undefined>).memberId ?? '';
  const me = useMe();
  const detail = useMemberDetail(memberId);
  const [busyRole, setBusyRole] = useState<PromotableRole | null>(null);
  const [roleError, setRoleError] = useState<string | null>(null);
  const canPromote = Boolean(me.data && isCommittee(me.data.member));
  const member = detail.data?.member;

  const changeRole = async (role: PromotableRole, granted: boolean, reason: string) => {
    if (!granted) {
      const label = STAFF_ROLE_LABELS[role];
      const ok = await confirmFirst({
        title: `卸任${label}`,
        content: `${member?.name || '这位成员'}将不再担任${label}，这件事会记在他的经历里，本人也会看到。确定吗？`,
        confirmText: '卸任',
      });
      if (!ok) return;
    }
    setBusyRole(role);
    setRoleError(null);
    try {
      await membersApi.setRole({ memberId, role, granted, reason });
      void Taro.showToast({ title: granted ? '已任命' : '已卸任', icon: 'success', duration: 1500 });
      await detail.reload();
    } catch (err) {
      setRoleError(errorText(err));
    } finally {
      setBusyRole(null);
    }
  };

  return (
    <PageShell
      className={`page-member-detail${busyRole || detail.loading ? ' is-busy' : ''}`}
      title='成员详情'
      loading={detail.loading && !detail.data}
      error={detail.data ? null : detail.error}
      onRetry={detail.reload}
    >
      {member && detail.data ? (
        <>
          <View className='card member-profile'>
            <View className='card__title'>
              <Text className='member-name'>{member.name || '（未填姓名）'}</Text>
            </View>
            <Row label='楼栋门牌' value={[member.building, member.room].filter(Boolean).join(' ')} className='member-address' />
            <Row label='手机号' value={member.phone} className='member-phone' />
            <Row label='技能' value={member.skills.join('、')} className='member-skills' />
            <Row label='兴趣' value={member.interests.join('、')} className='member-interests' />
            <Row label='空闲时间' value={member.availability.join('、')} className='member-availability' />
            <Row
              label='担任'
              value={member.roles.length ? member.roles.map((r) => STAFF_ROLE_LABELS[r]).join('、') : '无'}
              className='member-roles'
            />
          </View>
          <ApplicationStatusCard member={member} />
          {canPromote ? (
            <RolePanel
              // A fresh reason field once the change is in the history.
              key={detail.data.history.length}
              roles={member.roles} busyRole={busyRole} error={roleError} onChange={(r, g, reason) => void changeRole(r, g, reason)} />
          ) : null}
          <View className='card member-history'>
            <View className='card__title'>
              <Text>经历</Text>
            </View>
            {detail.data.history.length ? (
              <HistoryList entries={detail.data.history} />
            ) : (
              <Text className='card__hint'>还没有记录</Text>
            )}
          </View>
        </>
      ) : null}
    </PageShell>
  );
}
