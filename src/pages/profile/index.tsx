import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text } from '@tarojs/components';
import { PageShell } from '@/components/PageShell';
import { membersApi, needsConsent } from '@/features/members/api';
import { ConsentPrompt } from '@/features/members/components/ConsentPrompt';
import { ProfileForm, type ProfileInput } from '@/features/members/components/ProfileForm';
import { ROUTES } from '@/features/members/routes';
import { useMe } from '@/features/members/useMe';
import { useFormErrors } from '@/hooks/useFormErrors';

/** The fields this form shows a message under, in page order; anything else is said above the button. */
const FORM_FIELDS = ['name', 'building', 'room', 'phone', 'skills', 'interests', 'availability', 'visibility'];

function goBack() {
  Taro.navigateBack().catch(() => Taro.switchTab({ url: ROUTES.me }));
}

export default function ProfilePage() {
  const me = useMe();
  const [saving, setSaving] = useState(false);
  const form = useFormErrors({ fields: FORM_FIELDS });
  const member = me.data?.member;
  const consented = Boolean(me.data?.privacy.accepted);

  const save = async (input: ProfileInput) => {
    form.reset();
    // Checked by the function (the shared schemas stay out of the main package); its `fields` land under each field.
    setSaving(true);
    try {
      const res = await membersApi.updateProfile(input);
      if (me.data) me.setData({ ...me.data, member: res.member });
      void Taro.showToast({ title: '资料已保存', icon: 'success', duration: 1500 });
      goBack();
    } catch (err) {
      // The consent card takes the place of the form.
      if (needsConsent(err)) void me.reload();
      form.fail(err);
    } finally {
      setSaving(false);
    }
  };

  return (
    <PageShell
      className='page-profile'
      title='我的资料'
      loading={me.loading && !me.data}
      error={me.data ? null : me.error}
      onRetry={me.reload}
    >
      {member && !consented ? <ConsentPrompt message='填写资料之前，请先阅读并同意隐私说明。' /> : null}
      {member && consented ? (
        <>
          <Text className='card__hint'>填写真实信息，方便居委会和邻居联系你。手机号只给居委会看。</Text>
          <ProfileForm
            // Remount with fresh values once the record arrives.
            key={member.id}
            member={member}
            saving={saving}
            errors={form.errors}
            formError={form.formError}
            onSubmit={(input) => void save(input)}
            onEdit={form.clear}
          />
        </>
      ) : null}
    </PageShell>
  );
}
