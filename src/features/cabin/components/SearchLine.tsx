import { useState } from 'react';
import { Input, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';

/** Words to search by item name; `<id>` names the input and `btn-<id>` the button. */
export function SearchLine({ id, onSearch }: { id: string; onSearch: (words: string) => void }) {
  const [words, setWords] = useState('');
  return (
    <View className='cabin-search'>
      <Input id={id} className='cabin-input' value={words} maxlength={20} placeholder='物品名称' onInput={(e) => setWords(e.detail.value)} onConfirm={() => onSearch(words.trim())} />
      <Button className={`btn-${id}`} type='default' size='large' block onClick={() => onSearch(words.trim())}>
        找物品
      </Button>
    </View>
  );
}
