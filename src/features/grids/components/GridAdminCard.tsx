import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { GridView } from '@shared/domain/grid';
import { parseBuildings } from '../api';

export interface GridAdminCardProps {
  grid: GridView;
  busy: boolean;
  open: boolean;
  onRename: (name: string) => void;
  onSetBuildings: (buildings: string[]) => void;
  onClearLeader: () => void;
  onToggleResidents: () => void;
}

/** A grid on the committee's page: its name, buildings and leader, each editable. */
export function GridAdminCard({ grid, busy, open, onRename, onSetBuildings, onClearLeader, onToggleResidents }: GridAdminCardProps) {
  const [name, setName] = useState(grid.name);
  const [buildings, setBuildings] = useState(grid.buildings.join('、'));
  const [editing, setEditing] = useState(false);

  return (
    <View className='card grid-admin' data-grid-id={grid.id}>
      <View className='card__row'>
        <Text className='card__title grid-admin__name'>{grid.name}</Text>
        <View className='link-btn btn-edit-grid' role='button' onClick={() => setEditing(!editing)}>
          <Text>{editing ? '收起' : '修改'}</Text>
        </View>
      </View>
      <Text className='card__hint grid-admin__buildings'>楼栋：{grid.buildings.join('、') || '还没有划入楼栋'}</Text>
      <View className='card__row'>
        <Text className='grid-admin__leader'>微格长：{grid.leader ? grid.leader.name : '暂无'}</Text>
        {grid.leader ? (
          <View className='link-btn btn-clear-leader' role='button' onClick={() => !busy && onClearLeader()}>
            <Text>卸任</Text>
          </View>
        ) : null}
      </View>
      {editing ? (
        <View className='grid-admin__edit'>
          <Text className='card__label'>名称</Text>
          <Input id={`grid-name-${grid.id}`} className='text-input grid-name-input' value={name} maxlength={20} onInput={(e) => setName(e.detail.value)} />
          <Button className='btn-rename-grid' type='default' size='large' block disabled={busy} onClick={() => onRename(name)}>
            保存名称
          </Button>
          <Text className='card__label'>楼栋（用顿号或空格分开）</Text>
          <Input
            id={`grid-buildings-${grid.id}`}
            className='text-input grid-buildings-input'
            value={buildings}
            placeholder='例如：1号楼、2号楼'
            onInput={(e) => setBuildings(e.detail.value)}
          />
          <Button className='btn-set-buildings' type='default' size='large' block disabled={busy} onClick={() => onSetBuildings(parseBuildings(buildings))}>
            保存楼栋
          </Button>
        </View>
      ) : null}
      <Button className='btn-toggle-residents' type='primary' fill='outline' size='large' block onClick={onToggleResidents}>
        {open ? '收起居民' : '查看居民、设格长和分色'}
      </Button>
    </View>
  );
}
