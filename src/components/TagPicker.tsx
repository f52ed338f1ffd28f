import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import './chip.scss';
import './TagPicker.scss';

export interface TagPickerProps {
  /** Prefix of the ids and classes: `<id>-add-input`, `<id>-add`, chips `tag-chip`. */
  id: string;
  /** Suggested tags shown as chips to tap on and off. */
  options?: readonly string[];
  value: string[];
  onChange: (next: string[]) => void;
  /** Placeholder of the free-tag input. */
  placeholder?: string;
  maxTags?: number;
  maxLength?: number;
}

/** Chips to tap on and off, plus a line to add a tag of one's own. */
export function TagPicker({
  id,
  options = [],
  value,
  onChange,
  placeholder = '其他，自己填写',
  maxTags = 20,
  maxLength = 12,
}: TagPickerProps) {
  const [draft, setDraft] = useState('');
  const [note, setNote] = useState<string | null>(null);
  const chips = [...options, ...value.filter((tag) => !options.includes(tag))];

  const toggle = (tag: string) => {
    setNote(null);
    if (value.includes(tag)) {
      onChange(value.filter((t) => t !== tag));
    } else if (value.length >= maxTags) {
      setNote(`最多选${maxTags}个`);
    } else {
      onChange([...value, tag]);
    }
  };

  const add = () => {
    const tag = draft.trim();
    if (!tag) return;
    if (tag.length > maxLength) {
      setNote(`每个最多${maxLength}个字`);
      return;
    }
    if (!value.includes(tag)) {
      if (value.length >= maxTags) {
        setNote(`最多选${maxTags}个`);
        return;
      }
      onChange([...value, tag]);
    }
    setNote(null);
    setDraft('');
  };

  return (
    <View className={`tag-picker tag-picker--${id}`}>
      <View className='chip-list tag-picker__chips'>
        {chips.map((tag) => {
          const on = value.includes(tag);
          return (
            <View
              key={tag}
              className={`chip tag-chip${on ? ' chip--on tag-chip--on' : ''}`}
              data-tag={tag}
              aria-pressed={on}
              role='button'
              onClick={() => toggle(tag)}
            >
              <Text>{on ? `✓ ${tag}` : tag}</Text>
            </View>
          );
        })}
      </View>
      <View className='tag-picker__add'>
        <Input
          id={`${id}-add-input`}
          className='tag-picker__input'
          value={draft}
          maxlength={maxLength}
          placeholder={placeholder}
          confirmType='done'
          onInput={(e) => setDraft(e.detail.value)}
          onConfirm={add}
        />
        <View id={`${id}-add`} className='tag-picker__add-btn' role='button' onClick={add}>
          <Text>添加</Text>
        </View>
      </View>
      {note ? <Text className='tag-picker__note'>{note}</Text> : null}
    </View>
  );
}
