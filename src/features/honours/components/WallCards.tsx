import { Image, Text, View } from '@tarojs/components';
import { PendingImage, RefusedImagesNote } from '@/components/ImageReview';
import { imageSrc } from '@/services/upload';
import type { WallHonour, WallMilestone } from '@shared/domain/honours';
import type { ImageReview } from '@shared/domain/media';
import { formatShanghai } from '@shared/time';

/** An honour as the wall shows it; the committee's list also passes the photo under check (审核中) and the refusal note. */
export function HonourCard({ honour }: { honour: WallHonour & Partial<ImageReview> }) {
  const pending = honour.pendingImages?.[0];
  return (
    <View className='card honour-card' data-honour-id={honour.id}>
      <View className='honour-card__head'>
        <Text className='honour-card__title'>{honour.title}</Text>
        <Text className='honour-card__name'>{honour.name}</Text>
      </View>
      {pending ? (
        <PendingImage className='honour-card__photo' src={imageSrc(pending)} />
      ) : honour.photoUrl ? (
        <Image className='honour-card__photo' src={imageSrc(honour.photoUrl)} mode='widthFix' />
      ) : null}
      <RefusedImagesNote count={honour.refusedImages ?? 0} />
      <Text className='honour-card__citation'>{honour.citation}</Text>
      <Text className='card__hint'>居委会 {formatShanghai(honour.awardedAt, 'YYYY年M月D日')} 表彰</Text>
    </View>
  );
}

export function MilestoneCard({ row }: { row: WallMilestone }) {
  return (
    <View className='card milestone-card'>
      <View className='honour-card__head'>
        <Text className='honour-card__name'>{row.name}</Text>
        {row.levelTitle ? <Text className='level-tag'>{row.levelTitle}</Text> : null}
      </View>
      <View className='badge-list'>
        {row.badges.map((b) => (
          <Text key={b.id} className='badge badge--earned'>
            {b.label}
          </Text>
        ))}
      </View>
    </View>
  );
}
