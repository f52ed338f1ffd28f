import type { ReactNode } from 'react';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';

interface LinkButtonProps {
  className: string;
  url: string;
  type?: 'primary' | 'default';
  children: ReactNode;
}

/** A large full-width button that opens another page. */
export function LinkButton({ className, url, type = 'primary', children }: LinkButtonProps) {
  return (
    <Button className={className} type={type} size='large' block onClick={() => void Taro.navigateTo({ url })}>
      {children}
    </Button>
  );
}
