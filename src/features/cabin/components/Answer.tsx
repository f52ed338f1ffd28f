import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { errorText } from '@/services/cloud';

export interface AnswerState {
  ok: boolean;
  text: string;
}

/** The green or red line under an action saying what happened, in words. */
export function Answer({ answer, className }: { answer: AnswerState | null; className: string }) {
  if (!answer?.text) return null;
  return (
    <View className={`cabin-answer ${className} ${answer.ok ? 'cabin-answer--ok' : 'cabin-answer--error'}`} role={answer.ok ? 'status' : 'alert'}>
      <Text>{answer.text}</Text>
    </View>
  );
}

/** Runs one action at a time and keeps its answer: the success text, or the function's Chinese message. */
export function useAction() {
  const [busy, setBusy] = useState<string | null>(null);
  const [answer, setAnswer] = useState<AnswerState | null>(null);
  const run = async (key: string, work: () => Promise<string>): Promise<boolean> => {
    setBusy(key);
    setAnswer(null);
    try {
      setAnswer({ ok: true, text: await work() });
      return true;
    } catch (err) {
      setAnswer({ ok: false, text: errorText(err) });
      return false;
    } finally {
      setBusy(null);
    }
  };
  return { busy, answer, run };
}
