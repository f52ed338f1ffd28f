import { Text, View } from '@tarojs/components';
import './chip.scss';

export interface ChoiceOption {
  value: string;
  label: string;
}

export interface ChoiceChipsProps {
  /** Names the group: class `choice-chips--<id>`; each chip carries `data-value`. */
  id: string;
  /** Plain strings are their own labels. */
  options: readonly (string | ChoiceOption)[];
  value: readonly string[];
  onChange: (next: string[]) => void;
  /** One choice only (tapping another replaces it; tapping the chosen one keeps it). */
  single?: boolean;
}

/** Chips to tap from a fixed list: several (like checkboxes) or exactly one (like radio buttons). */
export function ChoiceChips({ id, options, value, onChange, single }: ChoiceChipsProps) {
  const items = options.map((o) => (typeof o === 'string' ? { value: o, label: o } : o));
  const toggle = (choice: string) => {
    if (single) onChange([choice]);
    else onChange(value.includes(choice) ? value.filter((v) => v !== choice) : [...value, choice]);
  };
  return (
    <View className={`chip-list choice-chips choice-chips--${id}`} role={single ? 'radiogroup' : 'group'}>
      {items.map((item) => {
        const on = value.includes(item.value);
        return (
          <View
            key={item.value}
            className={`chip choice-chip${on ? ' chip--on choice-chip--on' : ''}`}
            data-value={item.value}
            role={single ? 'radio' : 'checkbox'}
            aria-checked={on}
            onClick={() => toggle(item.value)}
          >
            <Text>{on ? `✓ ${item.label}` : item.label}</Text>
          </View>
        );
      })}
    </View>
  );
}
