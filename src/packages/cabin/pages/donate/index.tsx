import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Image, Input, Text, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { ChoiceChips } from '@/components/ChoiceChips';
import { FormField } from '@/components/FormField';
import { PageShell } from '@/components/PageShell';
import { CABIN_PAGES, cabinApi, newRequestId } from '@/features/cabin/api';
import { CabinPicker } from '@/features/cabin/components/CabinPicker';
import { CabinsOpen } from '@/features/cabin/components/CabinsOpen';
import { RemindMe } from '@/features/cabin/components/RemindMe';
import { useCabinHome } from '@/features/cabin/hooks';
import { IMAGE_PENDING_LABEL } from '@shared/domain/media';
import { imageSrc, pickImages } from '@/services/upload';
import '@/features/cabin/cabin.scss';
import { errorText } from '@/services/cloud';
import { useFormErrors } from '@/hooks/useFormErrors';

/** The form's fields in page order. */
const DONATION_FIELDS = ['what', 'condition', 'description', 'photo'];

const CONDITIONS = ['全新', '九成新', '八成新', '有使用痕迹，能正常用'];

/** 我要捐赠: what it is, a photo and its condition; a keeper answers, with thanks either way. */
export default function CabinDonatePage() {
  const params = useRouter().params as Record<string, string | undefined>;
  const home = useCabinHome();
  const cabins = home.data?.cabins ?? [];
  const [cabinId, setCabinId] = useState<string | null>(params.cabinId ?? null);
  const chosen = cabinId ?? cabins[0]?.id ?? null;
  const [what, setWhat] = useState('');
  const [description, setDescription] = useState('');
  const [condition, setCondition] = useState('');
  const [photo, setPhoto] = useState('');
  const [photoPending, setPhotoPending] = useState(false);
  const [requestId] = useState(newRequestId);
  const [busy, setBusy] = useState<'photo' | 'send' | null>(null);
  const form = useFormErrors({ fields: DONATION_FIELDS });
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState(false);

  const addPhoto = async () => {
    setBusy('photo');
    setError(null);
    try {
      const [fileID] = await pickImages(1);
      if (fileID) setPhoto(fileID);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(null);
    }
  };

  const send = async () => {
    if (!chosen) return;
    setBusy('send');
    setError(null);
    form.reset();
    try {
      const res = await cabinApi.offerDonation({ cabinId: chosen, what, description, condition, photo, requestId });
      setPhotoPending(res.donation.pendingImages.length > 0);
      setSent(true);
    } catch (err) {
      form.fail(err);
    } finally {
      setBusy(null);
    }
  };

  if (sent) {
    return (
      <PageShell className='page-cabin-donate' title='谢谢你的捐赠'>
        <View className='card donation-sent'>
          <Text className='cabin-answer cabin-answer--ok'>已收到「{what}」的捐赠意向。格子屋的志愿者看过后会回复你，在“我的借用 · 捐赠”里能看到回复。</Text>
          {photoPending ? <Text className='cabin-answer donation-photo-pending'>照片{IMAGE_PENDING_LABEL}，通过后志愿者才能看到。</Text> : null}
          <RemindMe templates={['donation-answered']} label='有回复时提醒我' allowed='好的，志愿者回复后会通过微信告诉你' />
          <Button className='btn-to-my-donations' type='primary' size='large' block onClick={() => void Taro.redirectTo({ url: CABIN_PAGES.mine })}>
            看看我的捐赠
          </Button>
        </View>
      </PageShell>
    );
  }

  return (
    <PageShell
      className={`page-cabin-donate${busy || home.loading ? ' is-busy' : ''}`}
      title='我要捐赠'
      loading={home.loading && !home.data}
      error={home.data ? null : home.error}
      onRetry={() => void home.reload()}
    >
      <CabinsOpen only={chosen} />
      <Text className='card__hint'>家里闲置的书、工具、针线、雨伞都可以捐给格子屋，让邻居们接着用。志愿者会先看看是否合适。</Text>
      <CabinPicker cabins={cabins} value={chosen} onChange={setCabinId} />
      <View className='card donation-form'>
        <FormField label='捐什么' name='what' error={form.errors.what}>
          <Input id='donation-what' className='cabin-input' value={what} maxlength={30} placeholder='例如：《红岩》一本' onInput={(e) => setWhat(e.detail.value)} />
        </FormField>
        <FormField label='新旧程度' name='condition' error={form.errors.condition}>
          <ChoiceChips id='donation-condition' single options={CONDITIONS} value={[condition]} onChange={([c]) => setCondition(c!)} />
        </FormField>
        <FormField label='说明' name='description' optional error={form.errors.description}>
          <Textarea id='donation-description' className='text-area' value={description} maxlength={300} placeholder='有什么要说明的，比如缺一页、带说明书' onInput={(e) => setDescription(e.detail.value)} />
        </FormField>
        <FormField label='照片' name='photo' optional error={form.errors.photo}>
          {photo ? <Image className='cabin-photo donation-photo' src={imageSrc(photo)} mode='aspectFill' /> : null}
          <Button className='btn-donation-photo' type='default' size='large' block loading={busy === 'photo'} disabled={!!busy} onClick={() => void addPhoto()}>
            {photo ? '换一张照片' : '拍照或选一张照片'}
          </Button>
        </FormField>
        {error || form.formError ? (
          <View className='inline-error donation-error' role='alert'>
            {error ?? form.formError}
          </View>
        ) : null}
        <Button className='btn-offer-donation' type='primary' size='large' block loading={busy === 'send'} disabled={!!busy || !chosen} onClick={() => void send()}>
          提交捐赠
        </Button>
      </View>
    </PageShell>
  );
}
