import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';

/**
 * Shares the page's card into a WeChat group (weapp: the share sheet; the card carries a shareTicket, see
 * useGroupShare). The local H5 build has no groups: it says how to open the card "inside" a fixture group.
 */
export function ShareCardButton({ className, label, path }: { className: string; label: string; path: string }) {
  if (process.env.TARO_ENV === 'weapp') {
    return (
      <Button className={className} type='primary' size='large' block openType='share'>
        {label}
      </Button>
    );
  }
  const local = () =>
    void Taro.showModal({ title: '本地预览', content: `在群里打开的卡片：${path}&devGroup=A（A 换成群名）`, showCancel: false });
  return (
    <Button className={className} type='primary' size='large' block onClick={local}>
      {label}
    </Button>
  );
}
