import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import './members.scss';
import { Button } from '@nutui/nutui-react-taro';
import { FormField } from '@/components/FormField';

export interface DeleteAccountCardProps {
  deleting: boolean;
  error: string | null;
  onDelete: () => void;
}

const CONFIRM_WORD = '注销';

/** 注销账号: says plainly what goes and what stays, and asks for the word 注销 typed before it acts. */
export function DeleteAccountCard({ deleting, error, onDelete }: DeleteAccountCardProps) {
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const ready = typed.trim() === CONFIRM_WORD;

  if (!open) {
    return (
      <View className='card delete-account'>
        <View className='card__title'>
          <Text>注销账号</Text>
        </View>
        <Text className='card__hint'>不想再使用了，可以注销。注销前可以先导出你的数据。</Text>
        <Button className='btn-open-delete' type='default' size='large' block onClick={() => setOpen(true)}>
          我要注销账号
        </Button>
      </View>
    );
  }
  return (
    <View className='card delete-account delete-account--open'>
      <View className='card__title'>
        <Text>注销账号</Text>
      </View>
      <View className='delete-account__warning' role='alert'>
        <Text className='delete-account__line'>注销后：</Text>
        <Text className='delete-account__line'>· 你的姓名、楼栋门牌、手机号、技能等资料会被清除，无法恢复；</Text>
        <Text className='delete-account__line'>· 第二梯队身份、担任的职务、登记的孩子都会一并取消；</Text>
        <Text className='delete-account__line'>· 过去的活动签到等记录会保留，但不再和你关联。</Text>
        <Text className='delete-account__line'>以后再打开小程序，就是一位新邻居了。</Text>
      </View>
      <FormField label={`请输入“${CONFIRM_WORD}”两个字确认`} name='confirm' error={error}>
        <Input
          id='delete-confirm'
          className='text-input'
          value={typed}
          maxlength={4}
          placeholder={CONFIRM_WORD}
          onInput={(e) => setTyped(e.detail.value)}
        />
      </FormField>
      <View className='actions'>
        <Button
          className='btn-delete-account'
          type='danger'
          size='large'
          block
          disabled={!ready || deleting}
          loading={deleting}
          onClick={() => {
            if (ready) onDelete();
          }}
        >
          {deleting ? '正在注销…' : '确认注销'}
        </Button>
        <Button
          className='btn-cancel-delete'
          type='default'
          size='large'
          block
          disabled={deleting}
          onClick={() => {
            setOpen(false);
            setTyped('');
          }}
        >
          不注销了
        </Button>
      </View>
    </View>
  );
}
