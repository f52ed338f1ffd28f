import type { AuditCheckResult, AuditDifference } from '@shared/domain/audit';

/** 一致 / 3 处差异 / 核对失败: what a check's line says. */
export function checkStatusText(check: AuditCheckResult): string {
  if (check.status === 'clean') return '一致';
  if (check.status === 'failed') return '核对失败';
  return `${check.differenceCount} 处差异`;
}

/** The records a recomputed number stands on, in words: 依据：12 条时长积分记录. */
export function recordsText(d: AuditDifference): string {
  return `依据：${d.records.map((r) => `${r.count} 条${r.label}`).join('，')}`;
}

/** What 修正 will do to one difference, for the confirmation. */
export function repairText(d: AuditDifference): string {
  const changes = d.values.filter((v) => v.recorded !== v.recomputed).map((v) => `${v.label}从 ${v.recorded} 改为 ${v.recomputed}`);
  return `将把「${d.subjectName}」的${changes.join('、')}，与记录一致。修改会记入修正日志，原始记录不变。`;
}
