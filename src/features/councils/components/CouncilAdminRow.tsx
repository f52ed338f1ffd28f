import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { StatusTag } from '@/components/StatusTag';
import type { CouncilSummary } from '@shared/domain/council';
import { chairLine } from './CouncilCard';
import './councils.scss';

export interface CouncilAdminRowProps {
  council: CouncilSummary;
  selected: boolean;
  busy: boolean;
  onSelect: (council: CouncilSummary) => void;
  onRename: (council: CouncilSummary, name: string) => void;
  onRetire: (council: CouncilSummary) => void;
  onRestore: (council: CouncilSummary) => void;
}

/** A council on the committee's page: rename, retire or restore, and open its positions and rotation. */
export function CouncilAdminRow({ council, selected, busy, onSelect, onRename, onRetire, onRestore }: CouncilAdminRowProps) {
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(council.name);

  return (
    <View className={`card council-admin-row${selected ? ' council-admin-row--selected' : ''}`} data-council-id={council.id}>
      <View className='council-card__head'>
        <Text className='council-card__name'>{council.name}</Text>
        <View className='council-card__tags'>
          {council.active ? <StatusTag label='在用' tone='success' /> : <StatusTag label='已停用' tone='danger' />}
        </View>
      </View>
      <Text className='council-card__meta'>
        成员 {council.memberCount} 人 · {council.hasRotation ? chairLine(council.current, '轮值会长', 'until') : '还没有排轮值'}
      </Text>
      {renaming ? (
        <View className='editor-row'>
          <Input
            id={`rename-${council.id}`}
            className='admin-input rename-input'
            value={name}
            maxlength={12}
            onInput={(e) => setName(e.detail.value)}
          />
          <Button className='btn-save-name' type='primary' disabled={busy} onClick={() => onRename(council, name)}>
            保存
          </Button>
          <Button className='btn-cancel-name' type='default' disabled={busy} onClick={() => setRenaming(false)}>
            取消
          </Button>
        </View>
      ) : (
        <View className='schedule-row__actions'>
          <View className='link-btn btn-manage' role='button' onClick={() => onSelect(council)}>
            <Text>{selected ? '收起' : '职务与轮值'}</Text>
          </View>
          <View className='link-btn btn-rename' role='button' onClick={() => setRenaming(true)}>
            <Text>改名</Text>
          </View>
          {council.active && council.kind !== 'main' ? (
            <View className='link-btn btn-retire' role='button' onClick={() => !busy && onRetire(council)}>
              <Text>停用</Text>
            </View>
          ) : null}
          {!council.active ? (
            <View className='link-btn btn-restore' role='button' onClick={() => !busy && onRestore(council)}>
              <Text>恢复</Text>
            </View>
          ) : null}
        </View>
      )}
    </View>
  );
}
