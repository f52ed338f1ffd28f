import { useState } from 'react';
import { Image, Input, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { ChoiceChips } from '@/components/ChoiceChips';
import { DateField } from '@/components/DateTimeField';
import { FormField } from '@/components/FormField';
import { useFormErrors } from '@/hooks/useFormErrors';
import { errorText } from '@/services/cloud';
import { formatShanghai } from '@shared/time';
import { ITEM_KIND_LABELS, ITEM_KINDS, LOAN_CLASS_LABELS, LOAN_CLASSES, type ItemKind, type LoanClass, type SectionView } from '@shared/domain/cabin';
import type { ItemInput } from '../api';
import { yuanToFen } from '../format';
import { imageSrc, pickImages } from '@/services/upload';

/** What the form starts from: an item being edited, or a donation's words. */
export interface ItemDraft {
  kind?: ItemKind;
  sectionKey?: string;
  name?: string;
  description?: string;
  condition?: string;
  photo?: string | null;
  loanClass?: LoanClass | null;
  stock?: number | null;
  unit?: string | null;
  lowStockAt?: number | null;
  priceFen?: number | null;
  issueDate?: string | null;
}

export interface ItemFormProps {
  /** Prefix of the input ids: `<id>-name`, `<id>-price` … */
  id: string;
  sections: SectionView[];
  initial: ItemDraft;
  /** The kind is fixed once an item exists. */
  kindFixed?: boolean;
  /** Edits leave a consumable's stock to restocks and takes. */
  withStock?: boolean;
  submitLabel: string;
  onSubmit: (item: ItemInput) => Promise<unknown>;
}

/** The form's fields in page order: the first with an error is scrolled to. */
const ITEM_FIELDS = ['kind', 'sectionKey', 'name', 'loanClass', 'stock', 'unit', 'lowStockAt', 'priceFen', 'issueDate', 'condition', 'description', 'photo'];
/** The server names a field `item.name`; the form shows it under 名称. */
const itemFieldOf = (path: string) => path.replace(/^item\./, '').split(/[.[]/)[0] ?? path;

const toNumber = (text: string) => (text.trim() === '' ? NaN : Number(text));

function itemOf(kind: ItemKind, base: Omit<ItemInput, 'kind'>, extra: Record<string, string>, withStock: boolean): ItemInput | string {
  if (kind === 'loanable') return { kind, ...base, loanClass: (extra.loanClass || 'other') as LoanClass };
  if (kind === 'consumable') {
    return {
      kind,
      ...base,
      unit: extra.unit || '个',
      lowStockAt: toNumber(extra.lowStockAt || '0'),
      ...(withStock ? { stock: toNumber(extra.stock || '0') } : {}),
    };
  }
  if (kind === 'sale') {
    const priceFen = yuanToFen(extra.price ?? '');
    return priceFen === null ? '价格请填写数字，例如 5 或 5.50' : { kind, ...base, priceFen };
  }
  return { kind, ...base, issueDate: extra.issueDate ?? '' };
}

/** A keeper's form for an item of any kind: what every item has, then what its kind needs. */
export function ItemForm({ id, sections, initial, kindFixed, withStock = true, submitLabel, onSubmit }: ItemFormProps) {
  const [kind, setKind] = useState<ItemKind>(initial.kind ?? 'loanable');
  const [sectionKey, setSectionKey] = useState(initial.sectionKey ?? sections[0]?.key ?? '');
  const [name, setName] = useState(initial.name ?? '');
  const [description, setDescription] = useState(initial.description ?? '');
  const [condition, setCondition] = useState(initial.condition ?? '');
  const [photo, setPhoto] = useState(initial.photo ?? '');
  const [extra, setExtra] = useState<Record<string, string>>({
    loanClass: initial.loanClass ?? 'other',
    stock: String(initial.stock ?? 0),
    unit: initial.unit ?? '个',
    lowStockAt: String(initial.lowStockAt ?? 0),
    price: initial.priceFen ? (initial.priceFen / 100).toString() : '',
    issueDate: initial.issueDate ?? formatShanghai(Date.now(), 'YYYY-MM-DD'),
  });
  const [busy, setBusy] = useState(false);
  const form = useFormErrors({ fields: ITEM_FIELDS, fieldOf: itemFieldOf });
  const [photoError, setPhotoError] = useState<string | null>(null);
  const set = (key: string) => (value: string) => {
    setExtra((prev) => ({ ...prev, [key]: value }));
    form.clear(key === 'price' ? 'priceFen' : key);
  };
  const fieldError = (key: string) => form.errors[key] ?? (key === 'photo' ? photoError : undefined);

  const addPhoto = async () => {
    try {
      const [fileID] = await pickImages(1);
      if (fileID) setPhoto(fileID);
      setPhotoError(null);
    } catch (err) {
      setPhotoError(errorText(err));
    }
  };

  const submit = async () => {
    const item = itemOf(kind, { sectionKey, name, description, condition, photo: photo ?? '' }, extra, withStock);
    form.reset();
    if (typeof item === 'string') return form.showIssues({ priceFen: item });
    setBusy(true);
    try {
      await onSubmit(item);
    } catch (err) {
      form.fail(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className={`item-form item-form--${id}`}>
      {kindFixed ? null : (
        <FormField label='类别' name='kind' error={fieldError('kind')}>
          <ChoiceChips id={`${id}-kind`} single options={ITEM_KINDS.map((k) => ({ value: k, label: ITEM_KIND_LABELS[k] }))} value={[kind]} onChange={([k]) => setKind(k as ItemKind)} />
        </FormField>
      )}
      <FormField label='放在哪个区域' name='sectionKey' error={fieldError('sectionKey')}>
        <ChoiceChips id={`${id}-section`} single options={sections.map((s) => ({ value: s.key, label: s.name }))} value={[sectionKey]} onChange={([k]) => setSectionKey(k!)} />
      </FormField>
      <FormField label='名称' name='name' error={fieldError('name')}>
        <Input id={`${id}-name`} className='cabin-input' value={name} maxlength={30} onInput={(e) => setName(e.detail.value)} />
      </FormField>
      {kind === 'loanable' ? (
        <FormField label='借用类别' name='loanClass' hint='决定借期和每人能借几件' error={fieldError('loanClass')}>
          <ChoiceChips id={`${id}-loan-class`} single options={LOAN_CLASSES.map((c) => ({ value: c, label: LOAN_CLASS_LABELS[c] }))} value={[extra.loanClass!]} onChange={([c]) => set('loanClass')(c!)} />
        </FormField>
      ) : null}
      {kind === 'consumable' ? (
        <>
          {withStock ? (
            <FormField label='现有数量' name='stock' error={fieldError('stock')}>
              <Input id={`${id}-stock`} className='cabin-input' type='number' value={extra.stock} onInput={(e) => set('stock')(e.detail.value)} />
            </FormField>
          ) : null}
          <FormField label='单位' name='unit' error={fieldError('unit')}>
            <Input id={`${id}-unit`} className='cabin-input' value={extra.unit} maxlength={4} onInput={(e) => set('unit')(e.detail.value)} />
          </FormField>
          <FormField label='剩多少时提醒补充' name='lowStockAt' error={fieldError('lowStockAt')}>
            <Input id={`${id}-low-stock`} className='cabin-input' type='number' value={extra.lowStockAt} onInput={(e) => set('lowStockAt')(e.detail.value)} />
          </FormField>
        </>
      ) : null}
      {kind === 'sale' ? (
        <FormField label='义卖价（元）' name='priceFen' error={fieldError('priceFen')}>
          <Input id={`${id}-price`} className='cabin-input' type='digit' value={extra.price} placeholder='例如 5 或 5.50' onInput={(e) => set('price')(e.detail.value)} />
        </FormField>
      ) : null}
      {kind === 'reading' ? (
        <FormField label='刊期' name='issueDate' hint='这一期报刊出版的日子' error={fieldError('issueDate')}>
          <DateField id={`${id}-issue-date`} value={extra.issueDate ?? ''} onChange={set('issueDate')} />
        </FormField>
      ) : null}
      <FormField label='品相' name='condition' optional error={fieldError('condition')}>
        <Input id={`${id}-condition`} className='cabin-input' value={condition} maxlength={100} placeholder='例如：九成新，针线齐全' onInput={(e) => setCondition(e.detail.value)} />
      </FormField>
      <FormField label='介绍' name='description' optional error={fieldError('description')}>
        <Textarea id={`${id}-description`} className='text-area' value={description} maxlength={300} onInput={(e) => setDescription(e.detail.value)} />
      </FormField>
      <FormField label='照片' name='photo' optional error={fieldError('photo')}>
        {photo ? <Image className='cabin-photo' src={imageSrc(photo)} mode='aspectFill' /> : null}
        <Button className={`btn-${id}-photo`} type='default' size='large' block onClick={() => void addPhoto()}>
          {photo ? '换一张照片' : '拍照或选一张照片'}
        </Button>
      </FormField>
      {form.formError ? (
        <View className='inline-error item-form-error' role='alert'>
          {form.formError}
        </View>
      ) : null}
      <Button className={`btn-${id}-submit`} type='primary' size='large' block loading={busy} disabled={busy} onClick={() => void submit()}>
        {submitLabel}
      </Button>
    </View>
  );
}
