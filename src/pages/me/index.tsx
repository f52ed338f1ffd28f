import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { PageShell } from '@/components/PageShell';
import { ApplicationStatusCard } from '@/features/members/components/ApplicationStatusCard';
import { ProfileSummary } from '@/features/members/components/ProfileSummary';
import { nextStep } from '@/features/members/status';
import { useMe } from '@/features/members/useMe';

const ADMIN_APPLICATIONS_URL = '/packages/admin/pages/applications/index';

export default function MePage() {
  const me = useMe();
  const member = me.data?.member;
  const step = member ? nextStep(member) : null;
  const isCommittee = Boolean(member?.roles.includes('committee'));

  return (
    <PageShell className='page-me' loading={me.loading && !me.data} error={me.data ? null : me.error} onRetry={me.reload}>
      {member ? (
        <>
          <View className='greeting'>
            <Text>{member.name || '邻居'}</Text>
          </View>
          {me.data?.community ? <Text className='card__hint me-community'>{me.data.community.name}</Text> : null}
          {step === 'community' ? (
            <View className='card me-no-community'>
              <Text>你还没有选择居民区。</Text>
              <View className='link-btn btn-go-home' role='button' onClick={() => void Taro.switchTab({ url: '/pages/home/index' })}>
                <Text>去首页选择</Text>
              </View>
            </View>
          ) : null}
          <ProfileSummary member={member} />
          <ApplicationStatusCard member={member} />
          <View className='actions'>
            <Button
              className='btn-edit-profile'
              type={step === 'profile' ? 'primary' : 'default'}
              size='large'
              block
              onClick={() => void Taro.navigateTo({ url: '/pages/profile/index' })}
            >
              编辑资料
            </Button>
            {step === 'apply' || step === 'reapply' ? (
              <Button
                className='btn-apply'
                type='primary'
                size='large'
                block
                onClick={() => void Taro.navigateTo({ url: '/pages/apply/index' })}
              >
                {step === 'apply' ? '申请加入' : '重新申请'}
              </Button>
            ) : null}
          </View>
          {isCommittee ? (
            <View
              className='card admin-entry entry-admin'
              role='button'
              onClick={() => void Taro.navigateTo({ url: ADMIN_APPLICATIONS_URL })}
            >
              <Text>居委工作台</Text>
              <Text className='card__hint'>审核入队申请 ›</Text>
            </View>
          ) : null}
        </>
      ) : null}
    </PageShell>
  );
}
