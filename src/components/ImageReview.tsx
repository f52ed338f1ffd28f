import { Image, Text, View } from '@tarojs/components';
import { IMAGE_PENDING_LABEL, refusedImagesNote } from '@shared/domain/media';
import { StatusTag } from './StatusTag';
import './ImageReview.scss';

/**
 * An image still being checked, as its owner sees it: the picture with 审核中 on it (nobody else is sent it).
 * `src` is already a displayable address.
 */
export function PendingImage({ src, className }: { src: string; className?: string }) {
  return (
    <View className={['pending-image', className].filter(Boolean).join(' ')} aria-label={`图片${IMAGE_PENDING_LABEL}`}>
      <Image className='pending-image__img' src={src} mode='aspectFill' />
      <StatusTag className='pending-image__tag' label={IMAGE_PENDING_LABEL} tone='pending' />
    </View>
  );
}

/** The owner's note that refused images were removed; nothing when there are none. */
export function RefusedImagesNote({ count }: { count: number }) {
  const note = refusedImagesNote(count);
  if (!note) return null;
  return (
    <View className='refused-images-note' role='status'>
      <Text>{note}</Text>
    </View>
  );
}
