import { useState } from 'react';
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
    setBusy(true);
    setError(null);
    try {
      const posted = await ledgerApi.correct({ entryId: entry.id, reason });
      setOpen(false);
      onDone(posted);
    } catch (err) {
      setError((err instanceof CloudCallError && err.fields?.reason) || errorText(err));
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
