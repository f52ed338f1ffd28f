import { Image, Text, View } from '@tarojs/components';
import { PendingImage, RefusedImagesNote } from '@/components/ImageReview';
import { LoadMore } from '@/components/LoadMore';
import { imageSrc } from '@/services/upload';
import type { ProjectUpdateView } from '@shared/domain/participation';
import { dateText } from '../format';
import { useTimeline } from '../hooks';

/** One list of an update's photos; those still under check (the committee's and the author's view) carry 审核中. */
function Photos({ label, photos, pending }: { label: string; photos: string[]; pending: string[] }) {
  if (!photos.length) return null;
  return (
    <View className='pp-update__photos'>
      <Text className='pp-update__label'>{label}</Text>
      <View className='pp-photos'>
        {photos.map((p) =>
          pending.includes(p) ? <PendingImage key={p} className='pp-photos__img' src={imageSrc(p)} /> : <Image key={p} className='pp-photos__img' src={imageSrc(p)} mode='aspectFill' />,
        )}
      </View>
    </View>
  );
}

/** A project's dated updates, newest first, with their before / after photos (those the image check passed). */
export function UpdateList({ projectId, fresh }: { projectId: string; fresh: ProjectUpdateView[] }) {
  const list = useTimeline(projectId);
  // Updates posted on this page come first, without fetching the timeline again.
  const items = [...fresh, ...list.items.filter((u) => !fresh.some((f) => f.id === u.id))];
  return (
    <View className='card pp-timeline'>
      <View className='card__title'>项目进展</View>
      {list.error ? <Text className='inline-error'>{list.error}</Text> : null}
      {list.last && items.length === 0 ? <Text className='card__hint'>还没有进展，有了会在这里更新。</Text> : null}
      {items.map((u) => (
        <View key={u.id} className='pp-update' data-update-id={u.id}>
          <Text className='pp-update__title'>{`${dateText(u.date)} · 完成 ${u.percent}%`}</Text>
          <Text className='pp-update__text'>{u.text}</Text>
          <Photos label='之前' photos={u.photosBefore} pending={u.pendingImages} />
          <Photos label='之后' photos={u.photosAfter} pending={u.pendingImages} />
          <RefusedImagesNote count={u.refusedImages} />
          <Text className='pp-update__meta'>{u.byName}</Text>
        </View>
      ))}
      <LoadMore list={list} />
    </View>
  );
}
