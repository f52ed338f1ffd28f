import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { FieldError } from './FieldError';
import './FormField.scss';

export interface FormFieldProps {
  label: string;
  /** Field name: gives the wrapper the class `form-field--<name>` and names the error line. */
  name: string;
  hint?: string;
  optional?: boolean;
  error?: string | null;
  children: ReactNode;
}

/** A labelled form row with its hint and its error line. */
export function FormField({ label, name, hint, optional, error, children }: FormFieldProps) {
  return (
    <View className={`form-field form-field--${name}${error ? ' form-field--invalid' : ''}`}>
      <View className='form-field__label'>
        <Text>{label}</Text>
        {optional ? <Text className='form-field__optional'>（选填）</Text> : null}
      </View>
      {children}
      {hint ? <Text className='form-field__hint'>{hint}</Text> : null}
      <FieldError message={error} field={name} />
    </View>
  );
}
