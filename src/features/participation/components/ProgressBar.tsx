import { Text, View } from '@tarojs/components';

/** A project's progress as a bar with its percent in words (the bar alone never carries it). */
export function ProgressBar({ percent }: { percent: number }) {
  const p = Math.max(0, Math.min(100, Math.round(percent)));
  return (
    <View className='pp-progress' role='progressbar' aria-valuenow={p} aria-valuemin={0} aria-valuemax={100}>
      <View className='pp-progress__track'>
        <View className='pp-progress__fill' style={{ width: `${p}%` }} />
      </View>
      <Text className='pp-progress__text'>{`完成 ${p}%`}</Text>
    </View>
  );
}
