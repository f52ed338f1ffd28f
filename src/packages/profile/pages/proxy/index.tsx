import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { PageShell } from '@/components/PageShell';
import { errorCode, membersApi } from '@/features/members/api';
import { ProxyForm, type ProxyInput } from '@/features/members/components/ProxyForm';
import { ProxyLogList } from '@/features/members/components/ProxyLogList';
import { isCommittee, isGridLeader } from '@/features/members/entries';
import { useMe } from '@/features/members/useMe';
import { useProxyLog } from '@/features/members/useProxyLog';
import { useFormErrors } from '@/hooks/useFormErrors';
import { errorText } from '@/services/cloud';
import { membersActions } from '@shared/actions/members';
import { schemaIssues } from '@shared/field-issues';
import type { MemberView } from '@shared/domain/member';

/** The form's fields in page order. */
const FORM_FIELDS = ['name', 'building', 'room', 'phone', 'skills', 'note'];

/** 代居民登记: grid leaders (their grids) and the committee register residents who do not use WeChat. */
export default function ProxyPage() {
  const me = useMe();
  const member = me.data?.member;
  const committee = Boolean(member && isCommittee(member));
  const allowed = Boolean(member && (committee || isGridLeader(member)));
  const log = useProxyLog(committee);
  const [saving, setSaving] = useState(false);
  const form = useFormErrors({ fields: FORM_FIELDS });
  const [created, setCreated] = useState<MemberView | null>(null);
  const [formKey, setFormKey] = useState(0);

  const create = async (input: ProxyInput) => {
    form.reset();
    setCreated(null);
    const issues = schemaIssues(membersActions.createForResident.input, input);
    if (issues) return form.showIssues(issues);
    setSaving(true);
    try {
      const res = await membersApi.createForResident(input);
      setCreated(res.member);
      setFormKey((k) => k + 1);
      void Taro.showToast({ title: '已登记', icon: 'success', duration: 1500 });
      if (committee) await log.reload();
    } catch (err) {
      // Said under the building it is about.
      form.fail(err, errorCode(err) === 'MEMBERS.BUILDING_OUTSIDE_GRID' ? { building: errorText(err) } : {});
    } finally {
      setSaving(false);
    }
  };

  return (
    <PageShell
      className={`page-proxy${saving || (committee && log.loading) ? ' is-busy' : ''}`}
      title='代居民登记'
      loading={me.loading && !me.data}
      error={me.data ? null : me.error}
      onRetry={me.reload}
    >
      {member && !allowed ? (
        <View className='card proxy-not-allowed' role='alert'>
          <Text>只有微格长和居委会可以代居民登记。</Text>
        </View>
      ) : null}
      {allowed ? (
        <>
          <Text className='card__hint'>
            为不用微信的老人登记资料。{committee ? '居委会可以登记本居民区的任何楼栋。' : '你可以登记自己负责的微格里的楼栋。'}
            每一次代办都会记下来，居委会和居民本人都能看到。
          </Text>
          {created ? (
            <View className='card success-card proxy-created' role='status'>
              <Text>
                已为{created.name}（{created.building} {created.room}）登记。
              </Text>
            </View>
          ) : null}
          <View className='card'>
            <ProxyForm key={formKey} saving={saving} errors={form.errors} formError={form.formError} onSubmit={(input) => void create(input)} />
          </View>
          {committee ? (
            <ProxyLogList items={log.items} loading={log.loading} error={log.error} hasMore={log.hasMore} onLoadMore={log.loadMore} />
          ) : null}
        </>
      ) : null}
    </PageShell>
  );
}
