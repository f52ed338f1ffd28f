import { useState } from 'react';
import { Image, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { PendingImage } from '@/components/ImageReview';
import { errorText } from '@/services/cloud';
import { imageSrc, pickImages } from '@/services/upload';
import { MAX_NOTICE_IMAGES } from '@shared/domain/notices';

/**
 * Up to nine photos for a notice (`max` for other forms: a report's six): add (they upload at once), or take one out
 * again; those still being checked say so.
 */
export function ImagesField({ value, pending = [], onChange, max = MAX_NOTICE_IMAGES }: { value: string[]; pending?: string[]; onChange: (next: string[]) => void; max?: number }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const left = max - value.length;

  const add = async () => {
    setBusy(true);
    setError(null);
    try {
      const added = await pickImages(left);
      if (added.length) onChange([...value, ...added].slice(0, max));
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className='notice-images-field'>
      {value.length > 0 ? (
        <View className='notice-images'>
          {value.map((fileID) => (
            <View key={fileID} className='notice-images__item'>
              {pending.includes(fileID) ? (
                <PendingImage className='notice-images__img' src={imageSrc(fileID)} />
              ) : (
                <Image className='notice-images__img' src={imageSrc(fileID)} mode='aspectFill' />
              )}
              <View className='notice-images__remove' role='button' onClick={() => onChange(value.filter((f) => f !== fileID))}>
                <Text>删除</Text>
              </View>
            </View>
          ))}
        </View>
      ) : null}
      {left > 0 ? (
        <Button className='btn-add-images' type='default' size='large' block loading={busy} disabled={busy} onClick={() => void add()}>
          添加图片（还能加 {left} 张）
        </Button>
      ) : null}
      {error ? (
        <View className='inline-error notice-images-error' role='alert'>
          {error}
        </View>
      ) : null}
    </View>
  );
}
