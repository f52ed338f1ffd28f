import { useState } from 'react';
import { Image, Input, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { ChoiceChips } from '@/components/ChoiceChips';
import { FormField } from '@/components/FormField';
import { RefusedImagesNote } from '@/components/ImageReview';
import { StatusTag } from '@/components/StatusTag';
import { ITEM_STATUS_LABELS, KEEPER_SETTABLE_STATUSES, type ItemView, type KeeperSettableStatus, type SectionView } from '@shared/domain/cabin';
import { IMAGE_PENDING_LABEL } from '@shared/domain/media';
import { confirmFirst } from '@/services/confirm';
import { useTapIds } from '../../tap-ids';
import { cabinApi, newRequestId } from '../../api';
import { Answer, useAction } from '../Answer';
import { ItemForm } from '../ItemForm';

/** Restock (or correct after a count) with a reason; every change is a recorded movement. */
function Restock({ item, onChanged }: { item: ItemView; onChanged: (item: ItemView) => void }) {
  const [delta, setDelta] = useState('');
  const [note, setNote] = useState('');
  const [requestId, setRequestId] = useState(newRequestId);
  const { busy, answer, run } = useAction();
  const save = () =>
    run('restock', async () => {
      const res = await cabinApi.restock(item.id, Number(delta), note, requestId);
      setRequestId(newRequestId());
      setDelta('');
      onChanged(res.item);
      return `库存现在是 ${res.item.stock} ${res.item.unit ?? '个'}`;
    });
  return (
    <View className='card item-restock'>
      <View className='card__title'>补充库存（现有 {item.stock ?? 0} {item.unit ?? '个'}）</View>
      <FormField label='数量（盘点少了填负数）' name='restockDelta'>
        <Input id='restock-delta' className='cabin-input' type='text' value={delta} onInput={(e) => setDelta(e.detail.value)} />
      </FormField>
      <FormField label='原因' name='restockNote' optional>
        <Input id='restock-note' className='cabin-input' value={note} maxlength={100} placeholder='例如：居民捐了一盒纽扣' onInput={(e) => setNote(e.detail.value)} />
      </FormField>
      <Button className='btn-restock' type='primary' size='large' block loading={busy === 'restock'} disabled={!!busy || !/^-?\d+$/.test(delta.trim())} onClick={() => void save()}>
        记录
      </Button>
      <Answer answer={answer} className='restock-answer' />
    </View>
  );
}

/** In repair, lost, back on the shelf or retired, with a note. */
function StatusSetter({ item, onChanged }: { item: ItemView; onChanged: (item: ItemView) => void }) {
  const options = (item.kind === 'loanable' ? KEEPER_SETTABLE_STATUSES : (['available', 'retired'] as const)).map((s) => ({ value: s, label: ITEM_STATUS_LABELS[s] }));
  const [status, setStatus] = useState<KeeperSettableStatus>(item.status === 'retired' ? 'available' : 'retired');
  const [note, setNote] = useState('');
  const { busy, answer, run } = useAction();
  const taps = useTapIds();
  const save = async () => {
    // Lost or retired takes the item off the shelf for everyone: said first, by name.
    if (status === 'lost' || status === 'retired') {
      const ok = await confirmFirst({
        title: `设为${ITEM_STATUS_LABELS[status]}`,
        content: `「${item.name}」会从格子屋的架上撤下，邻居们就看不到、借不到了。确定吗？`,
        confirmText: `设为${ITEM_STATUS_LABELS[status]}`,
      });
      if (!ok) return;
    }
    await run('status', async () => {
      const res = await cabinApi.setStatus(item.id, status, note, taps.idFor(item.id));
      taps.done(item.id);
      onChanged(res.item);
      return `已设为${ITEM_STATUS_LABELS[res.item.status]}`;
    });
  };
  return (
    <View className='card item-status'>
      <View className='card__title'>状态：{ITEM_STATUS_LABELS[item.status]}</View>
      <ChoiceChips id='item-status' single options={options} value={[status]} onChange={([s]) => setStatus(s as KeeperSettableStatus)} />
      <Input id='status-note' className='cabin-input' value={note} maxlength={100} placeholder='说明，例如：拉链坏了，送修' onInput={(e) => setNote(e.detail.value)} />
      <Button className='btn-set-status' type='default' size='large' block loading={busy === 'status'} disabled={!!busy} onClick={() => void save()}>
        改状态
      </Button>
      <Answer answer={answer} className='status-answer' />
    </View>
  );
}

/** The item's QR label: scanning it in WeChat opens the item page to borrow at the cabin. */
function Label({ itemId }: { itemId: string }) {
  const [image, setImage] = useState<string | null>(null);
  const { busy, answer, run } = useAction();
  return (
    <View className='card item-label'>
      {image ? <Image className='item-label__image' src={image} mode='aspectFit' /> : null}
      <Button
        className='btn-item-label'
        type='default'
        size='large'
        block
        loading={busy === 'label'}
        disabled={!!busy}
        onClick={() =>
          void run('label', async () => {
            setImage((await cabinApi.itemCode(itemId)).image);
            return '打印出来贴在物品上，居民扫码就能借';
          })
        }
      >
        物品二维码
      </Button>
      <Answer answer={answer} className='label-answer' />
    </View>
  );
}

/** One item for a keeper: its details, stock, state and QR label. */
export function ItemEditor({ item, sections, onChanged, onClose }: { item: ItemView; sections: SectionView[]; onChanged: (item: ItemView) => void; onClose: () => void }) {
  const [saved, setSaved] = useState(false);
  return (
    <View className='item-editor' data-item-id={item.id}>
      <View className='link-btn btn-back-to-items' role='button' onClick={onClose}>
        ← 回到物品列表
      </View>
      <View className='card'>
        <View className='card__title'>{item.name}</View>
        {saved ? <Text className='cabin-answer cabin-answer--ok'>已保存</Text> : null}
        {item.pendingImages.length ? <StatusTag className='item-photo-pending' label={`照片${IMAGE_PENDING_LABEL}`} tone='pending' /> : null}
        <RefusedImagesNote count={item.refusedImages} />
        <ItemForm
          id='edit'
          sections={sections}
          initial={{ ...item, photo: item.pendingImages[0] ?? item.photo }}
          kindFixed
          withStock={false}
          submitLabel='保存修改'
          onSubmit={async (input) => {
            const res = await cabinApi.updateItem(item.id, input);
            onChanged(res.item);
            setSaved(true);
          }}
        />
      </View>
      {item.kind === 'consumable' ? <Restock item={item} onChanged={onChanged} /> : null}
      <StatusSetter item={item} onChanged={onChanged} />
      <Label itemId={item.id} />
    </View>
  );
}
