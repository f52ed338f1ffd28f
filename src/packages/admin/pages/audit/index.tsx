import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { PageShell } from '@/components/PageShell';
import { StatusTag } from '@/components/StatusTag';
import { useCloudQuery } from '@/hooks/useCloudQuery';
import { auditApi, newRequestId } from '@/features/audit/api';
import { checkStatusText, recordsText, repairText } from '@/features/audit/format';
import { confirmFirst } from '@/services/confirm';
import { errorText } from '@/services/cloud';
import { AUDIT_CHECK_SOURCES, type AuditCheckResult, type AuditDifference } from '@shared/domain/audit';
import { formatShanghai } from '@shared/time';
import '@/features/audit/audit.scss';

const TONE = { clean: 'success', differences: 'danger', failed: 'pending' } as const;

/** 账目核对: every counter of the 居民区 recomputed from its records; each difference named, and 修正 on request. */
export default function AuditPage() {
  const { data, loading, error, reload } = useCloudQuery(auditApi.run);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  /** Runs one repair after asking; says what happened and checks again. */
  const repair = async (title: string, content: string, call: (requestId: string) => Promise<{ repairs: { outcome: string }[]; remaining: number }>) => {
    if (!(await confirmFirst({ title, content, confirmText: '修正' }))) return;
    setBusy(true);
    setMessage(null);
    try {
      const { repairs, remaining } = await call(newRequestId());
      const fixed = repairs.filter((r) => r.outcome === 'repaired').length;
      const text = remaining > 0 ? `已修正 ${fixed} 处；${remaining} 处刚刚有了新变化，已重新核对` : `已修正 ${fixed} 处`;
      void Taro.showToast({ title: text, icon: remaining > 0 ? 'none' : 'success', duration: 2000 });
      await reload();
    } catch (err) {
      setMessage(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  const repairOne = (d: AuditDifference) => void repair('修正这个数', repairText(d), (rid) => auditApi.repairDifference(rid, d.id));
  const repairAll = (c: AuditCheckResult) =>
    void repair(`修正全部${c.label}`, `将把 ${c.differenceCount} 处${c.label}都改为按记录算出的数。修改会记入修正日志，原始记录不变。`, (rid) => auditApi.repairCheck(rid, c.check));

  return (
    <PageShell className={`page-admin-audit${loading || busy ? ' is-busy' : ''}`} title='账目核对' loading={loading && !data} error={data ? null : error} onRetry={() => void reload()}>
      {data ? (
        <View>
          <View className='card audit-summary'>
            <Text className='card__hint'>按原始记录把每个数重新算一遍：积分余额、活动名额、格子屋库存和排队、积分超市库存、问卷结果计数。</Text>
            <Text className='audit-summary__result'>
              {data.differences === 0 && data.failed === 0 ? '全部一致，没有差错。' : `发现 ${data.differences} 处差异${data.failed ? `，${data.failed} 项没能核对` : ''}。`}
            </Text>
            <Text className='card__hint'>核对时间 {formatShanghai(data.at)}</Text>
          </View>
          {message ? (
            <View className='inline-error' role='alert'>
              <Text>{message}</Text>
            </View>
          ) : null}
          {data.checks.map((c) => (
            <View key={c.check} className={`card audit-check audit-check--${c.status}`} data-check={c.check}>
              <View className='audit-check__head'>
                <Text className='audit-check__label'>{c.label}</Text>
                <StatusTag label={checkStatusText(c)} tone={TONE[c.status]} />
              </View>
              <Text className='audit-check__source'>
                {AUDIT_CHECK_SOURCES[c.check]}，共核对 {c.scanned} 项。
              </Text>
              {c.status === 'failed' ? <Text className='card__hint'>这一项暂时没能核对，请稍后点「重新核对」。</Text> : null}
              {c.differences.map((d) => (
                <View key={d.id} className='audit-difference' data-difference={d.id}>
                  <Text className='audit-difference__text'>{d.text}</Text>
                  <Text className='audit-difference__records'>{recordsText(d)}</Text>
                  <View className='audit-difference__actions'>
                    <Button className='btn-repair' type='primary' fill='outline' size='large' block disabled={busy} onClick={() => repairOne(d)}>
                      修正
                    </Button>
                  </View>
                </View>
              ))}
              {c.differenceCount > c.differences.length ? <Text className='card__hint'>还有 {c.differenceCount - c.differences.length} 处没有列出。</Text> : null}
              {c.differenceCount > 1 ? (
                <Button className='btn-repair-all' type='primary' size='large' block disabled={busy} onClick={() => repairAll(c)}>
                  全部修正（{c.differenceCount} 处）
                </Button>
              ) : null}
            </View>
          ))}
          <Button className='btn-rerun' size='large' block disabled={busy || loading} onClick={() => void reload()}>
            重新核对
          </Button>
        </View>
      ) : null}
    </PageShell>
  );
}
