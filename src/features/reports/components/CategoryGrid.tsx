import { Text, View } from '@tarojs/components';
import type { ReportCategory } from '@shared/domain/report';

export interface CategoryGridProps {
  categories: readonly ReportCategory[];
  value: string;
  onChange: (key: string) => void;
}

/** The categories as big tiles, two to a row: one tap picks one (the first of the three taps of 一键上报). */
export function CategoryGrid({ categories, value, onChange }: CategoryGridProps) {
  return (
    <View className='report-categories' role='radiogroup'>
      {categories.map((c) => {
        const on = c.key === value;
        return (
          <View
            key={c.key}
            id={`report-category-${c.key}`}
            className={`report-category${on ? ' report-category--on' : ''}`}
            data-key={c.key}
            role='radio'
            aria-checked={on}
            onClick={() => onChange(c.key)}
          >
            <Text className='report-category__name'>{on ? `✓ ${c.name}` : c.name}</Text>
            <Text className='report-category__clock'>{c.responseMinutes}分钟响应</Text>
          </View>
        );
      })}
    </View>
  );
}
