import { Text, View } from '@tarojs/components';
import { maskPhone, type MemberView } from '@shared/domain/member';

/** A label and its value on one line of a card (`未填写` when empty). */
export function Row({ label, value, className }: { label: string; value: string; className: string }) {
  return (
    <View className={`card__row ${className}`}>
      <Text className='card__label'>{label}</Text>
      <Text className='card__value'>{value || '未填写'}</Text>
    </View>
  );
}

/** The resident's own profile as others in the committee will see it (phone masked). */
export function ProfileSummary({ member }: { member: MemberView }) {
  const address = [member.building, member.room].filter(Boolean).join(' ');
  return (
    <View className='card profile-summary'>
      <Row label='姓名' value={member.name} className='profile-name' />
      <Row label='楼栋门牌' value={address} className='profile-address' />
      <Row label='手机号' value={maskPhone(member.phone)} className='profile-phone' />
      <Row label='技能' value={member.skills.join('、')} className='profile-skills' />
      <Row label='兴趣' value={member.interests.join('、')} className='profile-interests' />
    </View>
  );
}
