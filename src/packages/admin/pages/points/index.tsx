import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { PageShell } from '@/components/PageShell';
import { errorText } from '@/services/cloud';
import { ledgerApi } from '@/features/ledger/api';
import { AwardForm } from '@/features/ledger/components/AwardForm';
import { CorrectEntry } from '@/features/ledger/components/CorrectEntry';
import { EntryRow } from '@/features/ledger/components/EntryRow';
import { RulesForm } from '@/features/ledger/components/RulesForm';
import { TotalsCard } from '@/features/ledger/components/TotalsCard';
import { useLedgerMembers, useMemberLedger, usePointRules } from '@/features/ledger/useCommittee';
import type { PostedEntry } from '@shared/actions/ledger';
import type { DriftRow } from '@shared/domain/ledger';
import { formatHours } from '@shared/rules/hours';
import '@/features/ledger/ledger.scss';

type Tab = 'award' | 'rules' | 'audit';
const TABS: { key: Tab; label: string }[] = [
  { key: 'award', label: '记录与更正' },
  { key: 'rules', label: '积分规则' },
  { key: 'audit', label: '核对' },
];

/** The committee's points: pick a member, award or correct with a reason; the rules; the drift audit. */
function AwardTab() {
  const members = useLedgerMembers();
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<{ memberId: string; name: string } | null>(null);
  const ledger = useMemberLedger(chosen?.memberId ?? null);

  const done = (posted: PostedEntry, message: string) => {
    void Taro.showToast({ title: posted.created ? message : '这条已经记过了', icon: posted.created ? 'success' : 'none', duration: 1500 });
    void ledger.refreshAfter();
    void members.refreshAfter();
  };

  if (chosen) {
    return (
      <View className='member-ledger'>
        <View className='link-btn btn-back-to-members' role='button' onClick={() => setChosen(null)}>
          <Text>‹ 返回成员列表</Text>
        </View>
        {ledger.last ? <TotalsCard title={ledger.last.member.name} totals={ledger.last.totals} /> : null}
        <AwardForm memberId={chosen.memberId} name={chosen.name} onDone={(p) => done(p, '已记录')} />
        {ledger.error ? (
          <View className='inline-error' role='alert'>
            {ledger.error}
          </View>
        ) : null}
        <Text className='card__title'>记录明细</Text>
        {ledger.last && ledger.items.length === 0 ? <Text className='list-footer list-empty'>还没有记录</Text> : null}
        {ledger.items.map((e) => (
          <EntryRow key={e.id} entry={e}>
            <CorrectEntry entry={e} onDone={(p) => done(p, '已更正')} />
          </EntryRow>
        ))}
        {ledger.hasMore ? (
          <Button className='btn-load-more' size='large' block disabled={ledger.loading} onClick={ledger.loadMore}>
            加载更多
          </Button>
        ) : null}
      </View>
    );
  }

  return (
    <View className='ledger-members'>
      <View className='card member-search'>
        <Input id='member-search' className='number-input' value={query} maxlength={20} placeholder='输入姓名查找成员' onInput={(e) => setQuery(e.detail.value)} />
        <Button className='btn-member-search' type='primary' size='large' block onClick={() => members.search(query.trim())}>
          查找
        </Button>
      </View>
      {members.error ? (
        <View className='inline-error' role='alert'>
          {members.error}
        </View>
      ) : null}
      {!members.loading && members.last && members.items.length === 0 ? <Text className='list-footer list-empty'>没有找到这位成员</Text> : null}
      {members.items.map((m) => (
        <View key={m.memberId} className='card ledger-member' data-member={m.memberId} onClick={() => setChosen({ memberId: m.memberId, name: m.name })}>
          <View>
            <Text className='ledger-member__name'>{m.name}</Text>
            <Text className='ledger-member__meta'>
              {m.building} · {formatHours(m.halfHours)} · {m.points} 积分
            </Text>
          </View>
          <Text className='link-btn'>记录 ›</Text>
        </View>
      ))}
      {members.hasMore ? (
        <Button className='btn-load-more' size='large' block disabled={members.loading} onClick={members.loadMore}>
          加载更多
        </Button>
      ) : null}
    </View>
  );
}

function RulesTab() {
  const rules = usePointRules();
  if (!rules.data) {
    return rules.error ? (
      <View className='inline-error' role='alert'>
        {rules.error}
      </View>
    ) : (
      <Text className='list-footer'>正在加载，请稍候…</Text>
    );
  }
  return (
    <RulesForm
      key={rules.data.updatedAt ?? 'defaults'}
      rules={rules.data}
      onSaved={(saved) => {
        rules.setData(saved);
        void Taro.showToast({ title: '规则已保存', icon: 'success', duration: 1500 });
      }}
    />
  );
}

function AuditTab() {
  const [result, setResult] = useState<{ members: number; drift: DriftRow[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      setResult(await ledgerApi.audit());
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className='card audit-card'>
      <Text className='card__hint'>按每一条记录重新计算每位成员的时长和积分，和显示的余额对照。</Text>
      <Button className='btn-audit' type='primary' size='large' block disabled={busy} onClick={() => void run()}>
        开始核对
      </Button>
      {error ? (
        <View className='inline-error' role='alert'>
          {error}
        </View>
      ) : null}
      {result && result.drift.length === 0 ? (
        <Text className='audit-result audit-result--ok'>核对完毕：{result.members} 位成员的余额与记录完全一致，没有差错。</Text>
      ) : null}
      {result && result.drift.length > 0 ? (
        <View className='audit-result audit-result--drift'>
          <Text className='inline-error'>发现 {result.drift.length} 位成员的余额与记录不一致：</Text>
          {result.drift.map((d) => (
            <View key={d.memberId} className='card__row audit-drift' data-member={d.memberId}>
              <Text>{d.name}</Text>
              <Text>
                显示 {d.cached.points} 积分 / {formatHours(d.cached.halfHours)}，记录合计 {d.ledger.points} 积分 / {formatHours(d.ledger.halfHours)}
              </Text>
            </View>
          ))}
        </View>
      ) : null}
    </View>
  );
}

export default function PointsAdminPage() {
  const [tab, setTab] = useState<Tab>('award');
  return (
    <PageShell className='page-admin-points' title='积分管理'>
      <View className='admin-tabs'>
        {TABS.map((t) => (
          <View key={t.key} className={`admin-tab admin-tab--${t.key}${tab === t.key ? ' admin-tab--active' : ''}`} role='tab' onClick={() => setTab(t.key)}>
            <Text>{t.label}</Text>
          </View>
        ))}
      </View>
      {tab === 'award' ? <AwardTab /> : null}
      {tab === 'rules' ? <RulesTab /> : null}
      {tab === 'audit' ? <AuditTab /> : null}
    </PageShell>
  );
}
