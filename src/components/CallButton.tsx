import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { errorText } from '@/services/cloud';
import './CallButton.scss';

interface CallButtonProps {
  className?: string;
  /** Asks the server for the number of the person to call; it answers only callers allowed to call them. */
  numberFor: () => Promise<string>;
  children?: string;
}

/**
 * 打电话: fetches the number on tap and hands it straight to the phone's dialer, so it is never rendered on the
 * page (lists show numbers masked). In weapp the system call sheet shows the number before dialing; in H5 the
 * browser opens a tel: link, and the phone's dialer shows it: neither platform can hide it from the caller.
 */
export function CallButton({ className, numberFor, children = '打电话' }: CallButtonProps) {
  const [busy, setBusy] = useState(false);
  const call = async () => {
    setBusy(true);
    try {
      await Taro.makePhoneCall({ phoneNumber: await numberFor() });
    } catch (err) {
      // The user closing the call sheet is no failure; a refused or failed lookup says why.
      if (!(err && typeof err === 'object' && 'errMsg' in err)) void Taro.showToast({ title: errorText(err), icon: 'none', duration: 3000 });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button className={['btn-call', className].filter(Boolean).join(' ')} type='default' size='large' loading={busy} disabled={busy} onClick={() => void call()}>
      {children}
    </Button>
  );
}
