import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { FormField } from '@/components/FormField';
import { PageShell } from '@/components/PageShell';
import { shopApi } from '@/features/shop/api';
import { VerifyResult } from '@/features/shop/components/VerifyResult';
import '@/features/shop/shop.scss';
import { errorText } from '@/services/cloud';
import { confirmFirst } from '@/services/confirm';
import type { MarkUsedResult } from '@shared/actions/shop';
import { normalizeCode } from '@shared/domain/shop';

/**
 * 核销兑换码: the committee, or the partner shop's keeper, scans or types a member's code. Opened by WeChat from a
 * scanned mini-program code, the page arrives with `scene` and fills the code in.
 */
export default function VerifyPage() {
  const { params } = useRouter();
  const [code, setCode] = useState(() => normalizeCode(decodeURIComponent(params.scene ?? params.code ?? '')));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<MarkUsedResult | null>(null);

  const mark = async (text: string) => {
    // A code is used once: said before it is spent.
    const ok = await confirmFirst({ title: '核销兑换码', content: `兑换码 ${normalizeCode(text)} 核销后就用掉了，不能再用。请先把兑换的东西交给邻居。确定核销吗？`, confirmText: '核销' });
    if (!ok) return;
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult(await shopApi.markUsed(text));
      setCode('');
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  const scan = async () => {
    try {
      const res = await Taro.scanCode({ onlyFromCamera: true });
      // A mini-program code answers its page path (with the scene); a plain QR answers its text.
      const text = res.path || res.result;
      setCode(normalizeCode(text));
      await mark(text);
    } catch {
      // The scanner was closed: nothing to do.
    }
  };

  return (
    <PageShell className={`page-shop-verify${busy ? ' is-busy' : ''}`} title='核销兑换码'>
      {process.env.TARO_ENV === 'weapp' ? (
        <Button className='btn-scan' type='primary' size='large' block disabled={busy} onClick={() => void scan()}>
          扫码核销
        </Button>
      ) : null}
      <View className='card'>
        <FormField label='兑换码' name='code' error={error} hint='8位字母和数字，不分大小写'>
          <Input id='verify-code' className='shop-input verify-code-input' value={code} maxlength={12} placeholder='ABCD 2345' onInput={(e) => setCode(e.detail.value)} />
        </FormField>
        <Button className='btn-mark-used' type='primary' size='large' block loading={busy} disabled={busy || !code.trim()} onClick={() => void mark(code)}>
          核销
        </Button>
      </View>
      {result ? <VerifyResult result={result} /> : null}
      <Text className='card__hint'>每个兑换码只能核销一次。重复核销会显示第一次核销的时间。</Text>
    </PageShell>
  );
}
