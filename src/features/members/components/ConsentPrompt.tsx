import { Text, View } from '@tarojs/components';
import './members.scss';
import { LinkButton } from '@/components/LinkButton';
import { ROUTES } from '../routes';

/** Said wherever a save needs the privacy text accepted first: why, and one button to read it. */
export function ConsentPrompt({ message }: { message?: string }) {
  return (
    <View className='card consent-prompt' role='alert'>
      <Text className='consent-prompt__text'>{message ?? '请先阅读并同意隐私说明，再填写你的信息。'}</Text>
      <LinkButton className='btn-go-privacy' url={ROUTES.privacy}>
        阅读隐私说明
      </LinkButton>
    </View>
  );
}
