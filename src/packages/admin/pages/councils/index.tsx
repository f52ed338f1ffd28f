import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { FormField } from '@/components/FormField';
import { useFormErrors } from '@/hooks/useFormErrors';
import { PageShell } from '@/components/PageShell';
import { councilsApi, newRequestId } from '@/features/councils/api';
import { CouncilAdminRow } from '@/features/councils/components/CouncilAdminRow';
import { PositionsEditor } from '@/features/councils/components/PositionsEditor';
import { RotationEditor } from '@/features/councils/components/RotationEditor';
import { RotationLog } from '@/features/councils/components/CouncilInfo';
import { RotationSchedule } from '@/features/councils/components/RotationSchedule';
import { useCouncil } from '@/features/councils/useCouncil';
import { useCouncilMembers, useCouncils } from '@/features/councils/useCouncils';
import { CloudCallError, errorText } from '@/services/cloud';
import type { CouncilSummary } from '@shared/domain/council';
import { LoadMore } from '@/components/LoadMore';

/** The selected council's positions and rotation: editors keyed by what they were loaded from. */
function CouncilEditor({ councilId, onChanged }: { councilId: string; onChanged: () => void }) {
  const { data, error, reload } = useCouncil(councilId);
  const members = useCouncilMembers(councilId);
  if (error) return <Text className='inline-error'>{error}</Text>;
  if (!data) return <Text className='card__hint'>正在加载…</Text>;
  const { council } = data;
  const saved = (title: string) => {
    void Taro.showToast({ title, icon: 'success', duration: 1500 });
    void reload();
    onChanged();
  };
  return (
    <View className='council-editor' data-council-id={council.id}>
      {council.active ? (
        <>
          <PositionsEditor key={`p-${JSON.stringify(council.positions)}`} council={council} members={members.items} onSaved={() => saved('职务已保存')} />
          <RotationEditor
            key={`r-${council.rotation?.id ?? 'none'}-${members.items.length}`}
            council={council}
            members={members.items}
            now={data.now}
            onSaved={() => saved('轮值已保存')}
          />
          {members.hasMore ? (
            <View className='link-btn btn-more-members' role='button' onClick={members.loadMore}>
              <Text>加载更多成员</Text>
            </View>
          ) : null}
          <RotationSchedule council={council} now={data.now} canChange={data.can.changeRotation} onChanged={() => saved('已调整')} />
        </>
      ) : (
        <Text className='card__hint'>这个分会已停用，恢复后才能调整职务和轮值。</Text>
      )}
      <RotationLog council={council} />
    </View>
  );
}

export default function AdminCouncilsPage() {
  const list = useCouncils(true);
  const [selected, setSelected] = useState<string | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [newName, setNewName] = useState('');
  const nameForm = useFormErrors({ fields: ['councilName'], fieldOf: () => 'councilName' });
  const [requestId, setRequestId] = useState(newRequestId);

  const run = async (id: string, work: () => Promise<unknown>, done: string) => {
    setBusyId(id);
    setActionError(null);
    try {
      await work();
      void Taro.showToast({ title: done, icon: 'success', duration: 1500 });
      await list.refreshAfter();
    } catch (err) {
      setActionError(errorText(err));
      void Taro.showToast({ title: errorText(err), icon: 'none', duration: 2500 });
    } finally {
      setBusyId(null);
    }
  };

  const create = async () => {
    setBusyId('new');
    nameForm.reset();
    try {
      await councilsApi.create(newName, requestId);
      setNewName('');
      setRequestId(newRequestId());
      void Taro.showToast({ title: '已添加', icon: 'success', duration: 1500 });
      await list.refreshAfter();
    } catch (err) {
      // Any refusal of a new council is about its name: said under the name, with a toast.
      nameForm.fail(err, err instanceof CloudCallError && err.fields ? {} : { name: errorText(err) });
    } finally {
      setBusyId(null);
    }
  };

  const busy = Boolean(busyId) || list.loading;

  return (
    <PageShell
      className={`page-admin-councils${busy ? ' is-busy' : ''}`}
      title='理事会管理'
      loading={list.loading && list.items.length === 0 && !list.error}
      error={list.items.length === 0 ? list.error : null}
      onRetry={() => void list.reload()}
    >
      <View className='card council-create'>
        <View className='card__title'>新增分会</View>
        <FormField label='分会名称' name='councilName' error={nameForm.errors.councilName}>
          <Input id='council-new-name' className='admin-input' value={newName} maxlength={12} placeholder='例如：老年关爱分会' onInput={(e) => (setNewName(e.detail.value), nameForm.clear('councilName'))} />
        </FormField>
        <Button className='btn-create-council' type='primary' size='large' block loading={busyId === 'new'} disabled={busy} onClick={() => void create()}>
          添加
        </Button>
      </View>
      {actionError ? (
        <View className='inline-error council-action-error' role='alert'>
          {actionError}
        </View>
      ) : null}
      {list.items.map((council: CouncilSummary) => (
        <View key={council.id}>
          <CouncilAdminRow
            key={council.name}
            council={council}
            selected={selected === council.id}
            busy={busyId === council.id}
            onSelect={(c) => setSelected((prev) => (prev === c.id ? null : c.id))}
            onRename={(c, name) => void run(c.id, () => councilsApi.rename(c.id, name), '已改名')}
            onRetire={(c) => void run(c.id, () => councilsApi.retire(c.id), '已停用')}
            onRestore={(c) => void run(c.id, () => councilsApi.restore(c.id), '已恢复')}
          />
          {selected === council.id ? <CouncilEditor councilId={council.id} onChanged={() => void list.refreshAfter()} /> : null}
        </View>
      ))}
      <LoadMore list={list} />
    </PageShell>
  );
}
