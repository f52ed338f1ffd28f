import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { PageShell } from '@/components/PageShell';
import { membersApi } from '@/features/members/api';
import { PrivacyText } from '@/features/members/components/PrivacyText';
import { ROUTES } from '@/features/members/routes';
import { useMe } from '@/features/members/useMe';
import { errorText } from '@/services/cloud';
import { formatShanghai } from '@shared/time';

function goBack() {
  Taro.navigateBack().catch(() => Taro.switchTab({ url: ROUTES.home }));
}

/** 隐私说明: what is collected and who sees it; 同意 records the version accepted. */
export default function PrivacyPage() {
  const me = useMe();
  const [accepting, setAccepting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { acceptedVersion, acceptedAt, accepted } = me.data?.privacy ?? { acceptedVersion: null, acceptedAt: null, accepted: false };

  const accept = async () => {
    setAccepting(true);
    setError(null);
    try {
      await membersApi.acceptPrivacy();
      void Taro.showToast({ title: '已同意', icon: 'success', duration: 1500 });
      goBack();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setAccepting(false);
    }
  };

  return (
    <PageShell
      className='page-privacy'
      title='隐私说明'
      loading={me.loading && !me.data}
      error={me.data ? null : me.error}
      onRetry={me.reload}
    >
      <Text className='card__hint'>我们只收集为邻里服务所需要的信息。请花一两分钟看一看。</Text>
      <PrivacyText />
      {accepted && acceptedAt ? (
        <View className='card privacy-accepted'>
          <Text>
            你已于 {formatShanghai(acceptedAt)} 同意这份说明（版本 {acceptedVersion}）。
          </Text>
        </View>
      ) : (
        <View className='card privacy-ask'>
          {acceptedVersion ? (
            <Text className='privacy-ask__text'>说明已经更新，你上次同意的是 {acceptedVersion} 版，请再看一看。</Text>
          ) : null}
          <Text className='privacy-ask__text'>看完后点“同意”，就可以填写资料、申请加入了。</Text>
          {error ? (
            <View className='inline-error privacy-error' role='alert'>
              {error}
            </View>
          ) : null}
          <Button
            className='btn-accept-privacy'
            type='primary'
            size='large'
            block
            loading={accepting}
            disabled={accepting}
            onClick={() => void accept()}
          >
            {accepting ? '正在提交…' : '我已阅读，同意'}
          </Button>
        </View>
      )}
    </PageShell>
  );
}
