import { View } from '@tarojs/components';
import './FieldError.scss';

export interface FieldErrorProps {
  message?: string | null;
  /** Names the field the message belongs to (used as a CSS hook: `field-error--name`). */
  field?: string;
}

/** The red line under a form field; renders nothing without a message. */
export function FieldError({ message, field }: FieldErrorProps) {
  if (!message) return null;
  return (
    <View className={['field-error', field ? `field-error--${field}` : ''].filter(Boolean).join(' ')} role='alert'>
      {message}
    </View>
  );
}
