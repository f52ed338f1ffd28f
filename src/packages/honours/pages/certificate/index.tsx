import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { ChoiceChips } from '@/components/ChoiceChips';
import { PageShell } from '@/components/PageShell';
import { usePagedList } from '@/hooks/usePagedList';
import { honoursApi } from '@/features/honours/api';
import { CertificateCard } from '@/features/honours/components/CertificateCard';
import '@/features/honours/components/honours.scss';
import { periodChoices } from '@/features/honours/periods';
import { HONOURS_ROUTES } from '@/features/honours/routes';
import { errorText } from '@/services/cloud';
import { formatCode, periodText, type CertificateView } from '@shared/domain/honours';
import { formatHours } from '@shared/rules/hours';

const fetchCertificates = (page: number) => honoursApi.certificates(page);

/** 服务时长证明: a member picks a period, gets a certificate with a verification code, and saves it as an image. */
export default function CertificatePage() {
  const [choices] = useState(() => periodChoices(new Date()));
  const [choice, setChoice] = useState(choices[0]!.value);
  const [shown, setShown] = useState<CertificateView | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const list = usePagedList(fetchCertificates);

  const request = async () => {
    const period = choices.find((c) => c.value === choice)!;
    setBusy(true);
    setError(null);
    try {
      const { certificate } = await honoursApi.requestCertificate(period.from, period.to);
      setShown(certificate);
      await list.refreshAfter();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <PageShell className={`page-certificate${busy || list.loading ? ' is-busy' : ''}`} title='服务时长证明'>
      <View className='card certificate-request'>
        <View className='card__title'>开具证明</View>
        <Text className='card__hint'>证明写明你在这段时间里经确认的服务时长，并附证明编号，任何人都可以查验真伪。</Text>
        <ChoiceChips id='period' single options={choices} value={[choice]} onChange={(next) => setChoice(next[0] ?? choice)} />
        {error ? (
          <View className='inline-error certificate-error' role='alert'>
            {error}
          </View>
        ) : null}
        <Button className='btn-request-certificate' type='primary' size='large' block loading={busy} disabled={busy} onClick={() => void request()}>
          开具证明
        </Button>
      </View>
      {shown ? <CertificateCard key={shown.code} cert={shown} /> : null}
      {list.items.length > 0 ? (
        <View className='card certificate-list'>
          <View className='card__title'>我开过的证明</View>
          {list.items.map((c) => (
            <View key={c.code} className='card__row certificate-row' data-code={c.code} onClick={() => setShown(c)}>
              <Text>
                {periodText(c.from, c.to)} · {formatHours(c.halfHours)}
              </Text>
              <Text className='link-btn'>{formatCode(c.code)}</Text>
            </View>
          ))}
          {list.hasMore ? (
            <View className='link-btn btn-load-more' role='button' onClick={list.loadMore}>
              <Text>加载更多</Text>
            </View>
          ) : null}
        </View>
      ) : null}
      {list.error ? <Text className='inline-error'>{list.error}</Text> : null}
      <View className='link-btn btn-go-verify' role='button' onClick={() => void Taro.navigateTo({ url: HONOURS_ROUTES.verify })}>
        <Text>查验一份证明</Text>
      </View>
    </PageShell>
  );
}
