import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { FieldError } from '@/components/FieldError';
import { PageShell } from '@/components/PageShell';
import { fieldErrors, honoursApi } from '@/features/honours/api';
import { certificateText } from '@/features/honours/certificate-drawing';
import { CertificateDetails } from '@/features/honours/components/CertificateDetails';
import '@/features/honours/components/honours.scss';
import { errorText } from '@/services/cloud';
import type { VerifyResult } from '@shared/domain/honours';

/** 证明查验: anyone types a certificate's code and sees whether it is genuine and what it states. */
export default function VerifyPage() {
  const { params } = useRouter();
  const [code, setCode] = useState(params.code ? decodeURIComponent(params.code) : '');
  const [result, setResult] = useState<VerifyResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const check = async () => {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult(await honoursApi.verify(code));
    } catch (err) {
      setError(fieldErrors(err).code ?? errorText(err));
    } finally {
      setBusy(false);
    }
  };

  const stated = result?.genuine ? certificateText(result.certificate) : null;
  return (
    <PageShell className={`page-verify${busy ? ' is-busy' : ''}`} title='证明查验'>
      <View className='card'>
        <Text className='card__hint'>输入服务时长证明上的证明编号（12位字母和数字），查看证明是否真实。</Text>
        <Input id='verify-code' className='honours-input' value={code} maxlength={40} placeholder='例如：ABCD-EFGH-JKLM' onInput={(e) => setCode(e.detail.value)} />
        <FieldError message={error} field='code' />
        <Button className='btn-verify' type='primary' size='large' block loading={busy} disabled={busy} onClick={() => void check()}>
          查验
        </Button>
      </View>
      {result && stated ? (
        <View className='card verify-result verify-result--genuine'>
          <Text className='verify-result__verdict'>✓ 证明真实有效</Text>
          <Text className='certificate-card__body'>{stated.body}</Text>
          {result.genuine ? <CertificateDetails cert={result.certificate} /> : null}
          <Text className='certificate-card__line'>{stated.issuer}</Text>
          <Text className='certificate-card__line'>{stated.issuedOn}</Text>
          <Text className='certificate-card__code'>{stated.code}</Text>
        </View>
      ) : null}
      {result && !result.genuine ? (
        <View className='card verify-result verify-result--forged'>
          <Text className='verify-result__verdict'>没有找到这份证明</Text>
          <Text className='card__hint'>请核对编号是否输入正确；编号对不上的证明不是本系统出具的。</Text>
        </View>
      ) : null}
    </PageShell>
  );
}
