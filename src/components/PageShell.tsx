import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useElderMode } from '@/services/elder-mode';
import './PageShell.scss';

export interface PageShellProps {
  /** Large heading at the top of the page (the navigation bar keeps the short title). */
  title?: string;
  /** Shows a calm loading line instead of the children. */
  loading?: boolean;
  /** A resident-facing message; shows it with a retry button instead of the children. */
  error?: string | null;
  onRetry?: () => void;
  className?: string;
  children?: ReactNode;
}

/** The frame of every page: title, loading and error states, readable spacing. */
export function PageShell({ title, loading, error, onRetry, className, children }: PageShellProps) {
  const [elder] = useElderMode();
  let body: ReactNode = children;
  if (loading) {
    body = (
      <View className='page-shell__state page-loading' role='status'>
        <Text>正在加载，请稍候…</Text>
      </View>
    );
  } else if (error) {
    body = (
      <View className='page-shell__state page-error' role='alert'>
        <Text className='page-shell__error-text'>{error}</Text>
        {onRetry ? (
          <Button className='btn-retry' type='primary' fill='outline' size='large' onClick={onRetry}>
            重新加载
          </Button>
        ) : null}
      </View>
    );
  }
  return (
    <View className={['page-shell', elder ? 'is-elder' : '', className].filter(Boolean).join(' ')}>
      {title ? (
        <View className='page-shell__title'>
          <Text>{title}</Text>
        </View>
      ) : null}
      {body}
    </View>
  );
}
