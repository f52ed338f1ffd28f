import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { ChildView } from '@shared/domain/member';
import { formatShanghai } from '@shared/time';
import './members.scss';

export interface ChildRowProps {
  child: ChildView;
  removing: boolean;
  onRemove: (child: ChildView) => void;
}

/** One child; 移除 asks once more, in plain words, before it acts. */
export function ChildRow({ child, removing, onRemove }: ChildRowProps) {
  const [confirming, setConfirming] = useState(false);
  return (
    <View className='child-row' data-child-id={child.id}>
      <Text className='child-row__name'>{child.name}</Text>
      <Text className='child-row__text'>
        {child.birthYear}年出生 · {formatShanghai(child.consentAt, 'YYYY-MM-DD')} 登记
      </Text>
      {confirming ? (
        <View className='child-row__confirm'>
          <Text className='child-row__text'>确定把{child.name}从小小梯队移除吗？移除后孩子的信息会被删除。</Text>
          <View className='actions'>
            <Button
              className='btn-confirm-remove-child'
              type='danger'
              size='large'
              block
              loading={removing}
              disabled={removing}
              onClick={() => onRemove(child)}
            >
              确定移除
            </Button>
            <Button className='btn-cancel-remove-child' type='default' size='large' block disabled={removing} onClick={() => setConfirming(false)}>
              不移除
            </Button>
          </View>
        </View>
      ) : (
        <Button className='btn-remove-child' type='default' size='large' onClick={() => setConfirming(true)}>
          移除
        </Button>
      )}
    </View>
  );
}
