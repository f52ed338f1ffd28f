import { useState } from 'react';
import { Input, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { ChoiceChips } from '@/components/ChoiceChips';
import { FormField } from '@/components/FormField';
import { IMAGE_PENDING_LABEL } from '@shared/domain/media';
import type { RewardView } from '@shared/domain/shop';
import '../shop.scss';

export interface RewardFormValues {
  name: string;
  description: string;
  price: number;
  stock: number;
  photoUrl: string;
  giver: string;
  partner: boolean;
  keeperPhones: string[];
}

export interface RewardFormProps {
  /** Editing this reward; a new one when absent (stock is then asked for). */
  reward?: RewardView;
  submitting: boolean;
  /** Field path -> message from the function. */
  errors: Record<string, string>;
  onSubmit: (values: RewardFormValues) => void;
  onCancel?: () => void;
}

const GIVER_KINDS = [
  { value: 'committee', label: '居委会提供' },
  { value: 'partner', label: '友邻联盟商户' },
];

const toNumber = (text: string) => (text.trim() === '' ? NaN : Number(text));
const firstError = (errors: Record<string, string>, prefix: string) =>
  Object.entries(errors).find(([k]) => k === prefix || k.startsWith(`${prefix}.`))?.[1] ?? null;

/** The committee's form for a reward: what it is, its price, who gives it, and who may mark its codes used. */
export function RewardForm({ reward, submitting, errors, onSubmit, onCancel }: RewardFormProps) {
  const prefix = reward ? `reward-${reward.id}` : 'reward-new';
  const [name, setName] = useState(reward?.name ?? '');
  const [description, setDescription] = useState(reward?.description ?? '');
  const [price, setPrice] = useState(reward ? String(reward.price) : '');
  const [stock, setStock] = useState('');
  // A photo still under check is the one the committee last chose: saving keeps it under check, not drops it.
  const [photoUrl, setPhotoUrl] = useState(reward?.pendingImages[0] ?? reward?.photoUrl ?? '');
  const [giver, setGiver] = useState(reward?.giver ?? '');
  const [partner, setPartner] = useState(reward?.partner ?? false);
  const [keepers, setKeepers] = useState((reward?.keepers ?? []).map((k) => k.phone ?? '').join(' '));

  const submit = () =>
    onSubmit({
      name,
      description,
      price: toNumber(price),
      stock: toNumber(stock),
      photoUrl,
      giver,
      partner,
      keeperPhones: keepers.split(/[\s,，、]+/).filter(Boolean),
    });

  return (
    <View className={`reward-form${reward ? ' reward-form--edit' : ''}`}>
      <FormField label='名称' name='name' error={errors.name} hint='例如：免费理发一次'>
        <Input id={`${prefix}-name`} className='text-input' value={name} maxlength={20} onInput={(e) => setName(e.detail.value)} />
      </FormField>
      <FormField label='说明' name='description' optional error={errors.description} hint='到哪里领、什么时间、注意事项'>
        <Textarea id={`${prefix}-description`} className='text-area' value={description} maxlength={200} onInput={(e) => setDescription(e.detail.value)} />
      </FormField>
      <FormField label='所需积分' name='price' error={errors.price}>
        <Input id={`${prefix}-price`} className='text-input' type='number' value={price} onInput={(e) => setPrice(e.detail.value)} />
      </FormField>
      {reward ? null : (
        <FormField label='库存' name='stock' error={errors.stock} hint='上架后用“补货”增加'>
          <Input id={`${prefix}-stock`} className='text-input' type='number' value={stock} onInput={(e) => setStock(e.detail.value)} />
        </FormField>
      )}
      <FormField label='提供方' name='giver' error={errors.giver} hint='居委会，或友邻联盟商户的店名'>
        <ChoiceChips id={`${prefix}-partner`} single options={GIVER_KINDS} value={[partner ? 'partner' : 'committee']} onChange={(v) => setPartner(v[0] === 'partner')} />
        <Input id={`${prefix}-giver`} className='text-input' value={giver} maxlength={20} placeholder={partner ? '例如：老李理发店' : '例如：白玉居委会'} onInput={(e) => setGiver(e.detail.value)} />
      </FormField>
      <FormField
        label='图片地址'
        name='photoUrl'
        optional
        error={errors.photoUrl}
        hint={photoUrl && reward?.pendingImages.includes(photoUrl) ? `图片${IMAGE_PENDING_LABEL}，通过后居民才能看到` : '新图片审核通过后居民才能看到'}
      >
        <Input id={`${prefix}-photo`} className='text-input' value={photoUrl} maxlength={500} placeholder='https://' onInput={(e) => setPhotoUrl(e.detail.value)} />
      </FormField>
      <FormField
        label='店家核销人手机号'
        name='keeperPhones'
        optional
        error={firstError(errors, 'keeperPhones')}
        hint='最多3个，用空格隔开。店家在小程序登记后，就能核销这件奖品的兑换码。'
      >
        <Input id={`${prefix}-keepers`} className='text-input' value={keepers} onInput={(e) => setKeepers(e.detail.value)} />
      </FormField>
      <Button className='btn-save-reward' type='primary' size='large' block loading={submitting} disabled={submitting} onClick={submit}>
        {reward ? '保存' : '上架'}
      </Button>
      {onCancel ? (
        <Button className='btn-cancel-edit' type='default' size='large' block disabled={submitting} onClick={onCancel}>
          取消
        </Button>
      ) : null}
    </View>
  );
}
