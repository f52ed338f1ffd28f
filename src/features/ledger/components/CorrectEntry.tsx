import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { CloudCallError, errorText } from '@/services/cloud';
import type { PostedEntry } from '@shared/actions/ledger';
import type { LedgerEntryView } from '@shared/domain/ledger';
import { ledgerApi } from '../api';

/** Under an entry: "更正" opens a reason line; confirming posts the reversing entry. */
export function CorrectEntry({ entry, onDone }: { entry: LedgerEntryView; onDone: (posted: PostedEntry) => void }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (entry.corrected || entry.source === 'correction' || entry.source === 'redemption') return null;

  const submit = async () => {
    // A correction is an entry of its own: it cannot be corrected back, so it is confirmed first.
    const { confirm } = await Taro.showModal({
      title: '更正这条记录',
      content: `会记一条相反的记录，撤回“${entry.reason}”的积分和时长，成员会看到更正原因。更正后不能再改回。确定吗？`,
      confirmText: '更正',
      cancelText: '再想想',
    });
    if (!confirm) return;
    setBusy(true);
    setError(null);
    try {
      const posted = await ledgerApi.correct({ entryId: entry.id, reason });
      setOpen(false);
      onDone(posted);
    } catch (err) {
      const message = (err instanceof CloudCallError && err.fields?.reason) || errorText(err);
      setError(message);
      void Taro.showToast({ title: message, icon: 'none', duration: 2500 });
    } finally {
      setBusy(false);
    }
  };

  if (!open) {
    return (
      <View className='link-btn btn-open-correct' role='button' onClick={() => setOpen(true)}>
        <Text>更正这条</Text>
      </View>
    );
  }
  return (
    <View className='correct-entry'>
      <Input id={`correct-reason-${entry.id}`} className='number-input correct-reason' value={reason} maxlength={100} placeholder='更正原因（成员会看到）' onInput={(e) => setReason(e.detail.value)} />
      {error ? (
        <View className='inline-error' role='alert'>
          {error}
        </View>
      ) : null}
      <Button className='btn-correct' type='primary' fill='outline' size='large' block disabled={busy} onClick={() => void submit()}>
        确认更正（撤回这条的积分和时长）
      </Button>
    </View>
  );
}
