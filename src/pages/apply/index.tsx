import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { PageShell } from '@/components/PageShell';
import { errorCode, membersApi, needsConsent } from '@/features/members/api';
import { ApplicationStatusCard } from '@/features/members/components/ApplicationStatusCard';
import { ApplyForm } from '@/features/members/components/ApplyForm';
import { ConsentPrompt } from '@/features/members/components/ConsentPrompt';
import { ROUTES } from '@/features/members/routes';
import { nextStep } from '@/features/members/status';
import { useMe } from '@/features/members/useMe';
import { useFormErrors } from '@/hooks/useFormErrors';

const FORM_FIELDS = ['motivation'];

export default function ApplyPage() {
  const me = useMe();
  const [submitting, setSubmitting] = useState(false);
  const form = useFormErrors({ fields: FORM_FIELDS });
  const [code, setCode] = useState<string | undefined>();
  const member = me.data?.member;
  const step = member ? nextStep(member, Boolean(me.data?.privacy.accepted)) : null;

  const submit = async (motivation: string) => {
    setSubmitting(true);
    form.reset();
    setCode(undefined);
    try {
      const res = await membersApi.apply(motivation);
      if (me.data) me.setData({ ...me.data, member: res.member });
      void Taro.showToast({ title: '申请已提交', icon: 'success', duration: 1500 });
    } catch (err) {
      // Said by the consent card below instead of under the form.
      if (!needsConsent(err)) form.fail(err);
      setCode(errorCode(err));
      // Already pending, already a member, or consent needed: show where things stand (the consent card).
      if (errorCode(err) === 'MEMBERS.ALREADY_PENDING' || errorCode(err) === 'MEMBERS.ALREADY_MEMBER' || needsConsent(err)) {
        void me.reload();
      }
    } finally {
      setSubmitting(false);
    }
  };

  const showForm = step !== 'pending' && step !== 'member';
  const askConsent = step === 'privacy';

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
          {showForm && askConsent ? <ConsentPrompt message='申请之前，请先阅读并同意隐私说明。' /> : null}
          {showForm && !askConsent ? (
            <>
              <Text className='card__hint'>
                第二梯队是在居委会身边搭把手的邻居。提交后，居委会会尽快审核，结果会显示在“我的”页面。
              </Text>
              {step === 'reapply' ? <ApplicationStatusCard member={member} /> : null}
              <ApplyForm submitting={submitting} error={form.errors.motivation ?? form.formError} onSubmit={(m) => void submit(m)} />
              {code === 'MEMBERS.PROFILE_INCOMPLETE' || code === 'MEMBERS.NO_COMMUNITY' ? (
                <View className='actions'>
                  <Button
                    className={code === 'MEMBERS.NO_COMMUNITY' ? 'btn-go-home' : 'btn-go-profile'}
                    type='default'
                    size='large'
                    block
                    onClick={() =>
                      void (code === 'MEMBERS.NO_COMMUNITY'
                        ? Taro.switchTab({ url: ROUTES.home })
                        : Taro.redirectTo({ url: ROUTES.profile }))
                    }
                  >
                    {code === 'MEMBERS.NO_COMMUNITY' ? '去选择居民区' : '去完善资料'}
                  </Button>
                </View>
              ) : null}
            </>
          ) : null}
          {!showForm ? (
            <>
              <ApplicationStatusCard member={member} />
              <View className='actions'>
                <Button
                  className='btn-back-home'
                  type='primary'
                  size='large'
                  block
                  onClick={() => void Taro.switchTab({ url: ROUTES.home })}
                >
                  回到首页
                </Button>
              </View>
            </>
          ) : null}
        </>
      ) : null}
    </PageShell>
  );
}
