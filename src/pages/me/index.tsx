import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { LinkButton } from '@/components/LinkButton';
import { PageShell } from '@/components/PageShell';
import { ApplicationStatusCard } from '@/features/members/components/ApplicationStatusCard';
import { MeEntries } from '@/features/members/components/MeEntries';
import { meEntryGroups } from '@/features/members/entries';
import { ProfileSummary } from '@/features/members/components/ProfileSummary';
import { ROUTES } from '@/features/members/routes';
import { nextStep } from '@/features/members/status';
import { useMe } from '@/features/members/useMe';
import { useElderMode } from '@/services/elder-mode';

export default function MePage() {
  const me = useMe();
  const member = me.data?.member;
  const consented = Boolean(me.data?.privacy.accepted);
  const step = member ? nextStep(member, consented) : null;
  // The 街道 oversees every 居民区 and belongs to none.
  const isStreet = Boolean(member?.roles.includes('street_admin'));
  const [elder, setElder] = useElderMode();

  return (
    <PageShell className='page-me' loading={me.loading && !me.data} error={me.data ? null : me.error} onRetry={me.reload}>
      {member ? (
        <>
          <View className='greeting'>
            <Text>{member.name || '邻居'}</Text>
          </View>
          {me.data?.community ? <Text className='card__hint me-community'>{me.data.community.name}</Text> : null}
          {step === 'community' && !isStreet ? (
            <View className='card me-no-community'>
              <Text>你还没有选择居民区。</Text>
              <View className='link-btn btn-go-home' role='button' onClick={() => void Taro.switchTab({ url: ROUTES.home })}>
                <Text>去首页选择</Text>
              </View>
            </View>
          ) : null}
          <ProfileSummary member={member} />
          {isStreet ? null : <ApplicationStatusCard member={member} />}
          <View className='actions'>
            {step === 'privacy' ? (
              <LinkButton className='btn-go-privacy' url={ROUTES.privacy}>
                先阅读隐私说明
              </LinkButton>
            ) : null}
            <LinkButton className='btn-edit-profile' type={step === 'profile' ? 'primary' : 'default'} url={ROUTES.profile}>
              编辑资料
            </LinkButton>
            {step === 'apply' || step === 'reapply' ? (
              <LinkButton className='btn-apply' url={ROUTES.apply}>
                {step === 'apply' ? '申请加入' : '重新申请'}
              </LinkButton>
            ) : null}
          </View>
          <View
            className='card elder-switch btn-elder-mode'
            role='switch'
            aria-checked={elder}
            onClick={() => setElder(!elder)}
          >
            <Text className='elder-switch__text'>长辈模式（大字、大按钮）</Text>
            <Text className='link-btn'>{elder ? '已开启，点此关闭' : '点此开启'}</Text>
          </View>
          <MeEntries groups={meEntryGroups(member)} />
        </>
      ) : null}
    </PageShell>
  );
}
