import type { PropsWithChildren } from 'react';
import Taro, { useLaunch } from '@tarojs/taro';
import './app.scss';

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    // WeChat needs wx.cloud set up once before the first call; the H5 build drops this branch.
    if (process.env.TARO_ENV === 'weapp') {
      Taro.cloud.init({ traceUser: true });
    }
  });
  return children;
}

export default App;
