import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { PageShell } from '@/components/PageShell';
import { membersApi } from '@/features/members/api';
import { DeleteAccountCard } from '@/features/members/components/DeleteAccountCard';
import { MyDataView } from '@/features/members/components/MyDataView';
import { exportJson } from '@/services/export-file';
import { ROUTES } from '@/features/members/routes';
import { useMyData } from '@/features/members/useMyData';
import { errorText } from '@/services/cloud';
import { formatShanghai } from '@shared/time';

const EXPORT_DONE = { downloaded: '已下载', shared: '文件已生成', copied: '已复制到剪贴板' } as const;

/** 我的数据: everything stored about the resident, its JSON export, and deleting the account. */
export default function MyDataPage() {
  const mine = useMyData();
  const [exportNote, setExportNote] = useState<string | null>(null);
  const [deleting, setDeleting] = useState(false);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const data = mine.data;

  const doExport = async () => {
    if (!data) return;
    try {
      const done = await exportJson(`我的数据-${formatShanghai(data.exportedAt, 'YYYYMMDD')}.json`, data);
      setExportNote(EXPORT_DONE[done]);
      void Taro.showToast({ title: EXPORT_DONE[done], icon: 'success', duration: 1500 });
    } catch {
      setExportNote('导出没有成功，请再试一次');
    }
  };

  const doDelete = async () => {
    setDeleting(true);
    setDeleteError(null);
    try {
      await membersApi.deleteAccount();
      void Taro.showToast({ title: '账号已注销', icon: 'success', duration: 1500 });
      // Start over from 首页 as a fresh visitor.
      await Taro.reLaunch({ url: ROUTES.home });
    } catch (err) {
      setDeleteError(errorText(err));
      void Taro.showToast({ title: errorText(err), icon: 'none', duration: 2500 });
    } finally {
      setDeleting(false);
    }
  };

  return (
    <PageShell
      className='page-my-data'
      title='我的数据'
      loading={mine.loading && !data}
      error={data ? null : mine.error}
      onRetry={mine.reload}
    >
      {data ? (
        <>
          <Text className='card__hint'>这里是我们保存的关于你的全部信息。</Text>
          <View className='card my-data-export'>
            <Text className='card__hint'>把这些信息存成一个文件（JSON格式），自己留着或交给别人查看。</Text>
            <Button className='btn-export' type='primary' size='large' block onClick={() => void doExport()}>
              导出我的数据
            </Button>
            {exportNote ? <Text className='card__hint export-note'>{exportNote}</Text> : null}
          </View>
          <MyDataView data={data} />
          <DeleteAccountCard deleting={deleting} error={deleteError} onDelete={() => void doDelete()} />
        </>
      ) : null}
    </PageShell>
  );
}
