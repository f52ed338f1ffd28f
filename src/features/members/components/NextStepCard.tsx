import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { MemberView } from '@shared/domain/member';
import { nextStep } from '../status';

export interface NextStepCardProps {
  member: MemberView;
  /** The current privacy text is accepted. */
  consented: boolean;
  onPrivacy: () => void;
  onProfile: () => void;
  onApply: () => void;
}

/** One clear next step on the path 隐私说明 -> 完善资料 -> 申请加入第二梯队 -> 等待审核. */
export function NextStepCard({ member, consented, onPrivacy, onProfile, onApply }: NextStepCardProps) {
  const step = nextStep(member, consented);
  return (
    <View className={`card next-step next-step--${step}`}>
      <View className='card__title'>
        <Text>下一步</Text>
      </View>
      {step === 'privacy' ? (
        <>
          <Text className='next-step__text'>
            填资料之前，请先看看我们收集哪些信息、谁能看到。看完点“同意”就可以继续。
          </Text>
          <Button className='btn-go-privacy' type='primary' size='large' block onClick={onPrivacy}>
            阅读隐私说明
          </Button>
        </>
      ) : null}
      {step === 'profile' ? (
        <>
          <Text className='next-step__text'>先填写你的姓名和楼栋门牌，居委会才知道你是哪位邻居。</Text>
          <Button className='btn-go-profile' type='primary' size='large' block onClick={onProfile}>
            完善资料
          </Button>
        </>
      ) : null}
      {step === 'apply' || step === 'reapply' ? (
        <>
          <Text className='next-step__text'>
            {step === 'apply'
              ? '资料已填好。加入第二梯队，和邻居一起为居民区出份力。'
              : '上次的申请没有通过，可以修改资料后再次申请。'}
          </Text>
          <Button className='btn-go-apply' type='primary' size='large' block onClick={onApply}>
            {step === 'apply' ? '申请加入第二梯队' : '重新申请'}
          </Button>
        </>
      ) : null}
      {step === 'pending' ? (
        <Text className='next-step__text'>你的申请已提交，居委会审核后会告诉你结果。</Text>
      ) : null}
      {step === 'member' ? (
        <Text className='next-step__text'>你已加入第二梯队，感谢你为邻里出力！</Text>
      ) : null}
    </View>
  );
}
