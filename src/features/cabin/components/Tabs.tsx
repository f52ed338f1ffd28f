import { View } from '@tarojs/components';

export interface TabDef<K extends string> {
  key: K;
  label: string;
}

/** The row of tabs at the top of a page (class `tab-<key>` for tests). */
export function Tabs<K extends string>({ tabs, value, onChange }: { tabs: TabDef<K>[]; value: K; onChange: (key: K) => void }) {
  return (
    <View className='admin-tabs'>
      {tabs.map((t) => (
        <View key={t.key} className={`admin-tab tab-${t.key}${value === t.key ? ' admin-tab--active' : ''}`} onClick={() => onChange(t.key)}>
          {t.label}
        </View>
      ))}
    </View>
  );
}
