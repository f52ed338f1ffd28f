import { Text } from '@tarojs/components';
import './pill.scss';
import './StatusTag.scss';

export type StatusTone = 'neutral' | 'pending' | 'success' | 'danger';

export interface StatusTagProps {
  label: string;
  tone?: StatusTone;
  className?: string;
}

/** A short coloured label; colour never carries the meaning alone (the text does). */
export function StatusTag({ label, tone = 'neutral', className }: StatusTagProps) {
  return (
    <Text className={['pill', 'status-tag', `status-tag--${tone}`, className].filter(Boolean).join(' ')}>{label}</Text>
  );
}
