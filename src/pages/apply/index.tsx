import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { PageShell } from '@/components/PageShell';
import { errorCode, errorText, membersApi } from '@/features/members/api';
import { ApplicationStatusCard } from '@/features/members/components/ApplicationStatusCard';
import { ApplyForm } from '@/features/members/components/ApplyForm';
import { nextStep } from '@/features/members/status';
import { useMe } from '@/features/members/useMe';

export default function ApplyPage() {
  const me = useMe();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [code, setCode] = useState<string | undefined>();
  const member = me.data?.member;
  const step = member ? nextStep(member) : null;

  const submit = async (motivation: string) => {
    setSubmitting(true);
    setError(null);
    setCode(undefined);
    try {
      const res = await membersApi.apply(motivation);
      if (me.data) me.setData({ ...me.data, member: res.member });
      void Taro.showToast({ title: '申请已提交', icon: 'success', duration: 1500 });
    } catch (err) {
      setError(errorText(err));
      setCode(errorCode(err));
      // Already pending or already a member: show where things stand.
      if (errorCode(err) === 'MEMBERS.ALREADY_PENDING' || errorCode(err) === 'MEMBERS.ALREADY_MEMBER') void me.reload();
    } finally {
      setSubmitting(false);
    }
  };

  const showForm = step !== 'pending' && step !== 'member';

  return (
    <PageShell
      className='page-apply'
      title='加入第二梯队'
      loading={me.loading && !me.data}
      error={me.data ? null : me.error}
      onRetry={me.reload}
    >
      {member ? (
        <>
          {showForm ? (
            <>
              <Text className='card__hint'>
                第二梯队是在居委会身边搭把手的邻居。提交后，居委会会尽快审核，结果会显示在“我的”页面。
              </Text>
              {step === 'reapply' ? <ApplicationStatusCard member={member} /> : null}
              <ApplyForm submitting={submitting} error={error} onSubmit={(m) => void submit(m)} />
              {code === 'MEMBERS.PROFILE_INCOMPLETE' || code === 'MEMBERS.NO_COMMUNITY' ? (
                <View className='actions'>
                  <Button
                    className={code === 'MEMBERS.NO_COMMUNITY' ? 'btn-go-home' : 'btn-go-profile'}
                    type='default'
                    size='large'
                    block
                    onClick={() =>
                      void (code === 'MEMBERS.NO_COMMUNITY'
                        ? Taro.switchTab({ url: '/pages/home/index' })
                        : Taro.redirectTo({ url: '/pages/profile/index' }))
                    }
                  >
                    {code === 'MEMBERS.NO_COMMUNITY' ? '去选择居民区' : '去完善资料'}
                  </Button>
                </View>
              ) : null}
            </>
          ) : (
            <>
              <ApplicationStatusCard member={member} />
              <View className='actions'>
                <Button
                  className='btn-back-home'
                  type='primary'
                  size='large'
                  block
                  onClick={() => void Taro.switchTab({ url: '/pages/home/index' })}
                >
                  回到首页
                </Button>
              </View>
            </>
          )}
        </>
      ) : null}
    </PageShell>
  );
}
