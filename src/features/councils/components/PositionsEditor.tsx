import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { FieldError } from '@/components/FieldError';
import { useFormErrors } from '@/hooks/useFormErrors';
import { SUGGESTED_POSITIONS, type CouncilDetail, type CouncilMemberView } from '@shared/domain/council';
import { councilsApi } from '../api';
import './councils.scss';

export interface PositionsEditorProps {
  council: CouncilDetail;
  members: CouncilMemberView[];
  onSaved: () => void;
}

/** The committee sets 会长, 副会长, 秘书长 ...: a title and one member of the council for each. */
export function PositionsEditor({ council, members, onSaved }: PositionsEditorProps) {
  const [rows, setRows] = useState(council.positions.map((p) => ({ title: p.title, memberId: p.memberId })));
  const [busy, setBusy] = useState(false);
  // Said under the positions, with a toast and the page scrolled there.
  const form = useFormErrors({ fields: ['positions'], fieldOf: () => 'positions' });
  const error = form.errors.positions ?? form.formError;

  const update = (i: number, patch: Partial<{ title: string; memberId: string }>) =>
    setRows((prev) => prev.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  const save = async () => {
    form.reset();
    if (rows.some((r) => !r.title.trim() || !r.memberId)) return form.showIssues({ positions: '每个职务都要填名称并选一位成员' });
    setBusy(true);
    try {
      await councilsApi.setPositions({ councilId: council.id, positions: rows });
      onSaved();
    } catch (err) {
      form.fail(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className='card positions-editor'>
      <View className='card__title form-field--positions'>职务</View>
      {rows.map((row, i) => (
        <View key={i} className='position-edit' data-index={i}>
          <View className='editor-row'>
            <Input
              id={`position-title-${i}`}
              className='admin-input position-title'
              value={row.title}
              maxlength={10}
              placeholder='职务名称'
              onInput={(e) => update(i, { title: e.detail.value })}
            />
            <View className='link-btn btn-remove-position' role='button' onClick={() => setRows((prev) => prev.filter((_, j) => j !== i))}>
              <Text>删除</Text>
            </View>
          </View>
          <View className='pick-chips'>
            {members.map((m) => (
              <View
                key={m.memberId}
                className={`pick-chip${row.memberId === m.memberId ? ' pick-chip--on' : ''}`}
                data-member-id={m.memberId}
                role='radio'
                aria-checked={row.memberId === m.memberId}
                onClick={() => update(i, { memberId: m.memberId })}
              >
                <Text>{m.name}</Text>
              </View>
            ))}
          </View>
        </View>
      ))}
      <View className='pick-chips'>
        {SUGGESTED_POSITIONS.map((title) => (
          <View key={title} className='pick-chip btn-add-position' data-title={title} role='button' onClick={() => setRows((prev) => [...prev, { title, memberId: '' }])}>
            <Text>＋{title}</Text>
          </View>
        ))}
      </View>
      <FieldError message={error} field='positions' />
      <Button className='btn-save-positions' type='primary' size='large' block loading={busy} disabled={busy} onClick={() => void save()}>
        保存职务
      </Button>
    </View>
  );
}
