import type { ScanResult } from '@shared/domain/checkin';
import { formatShanghai } from '@shared/time';

/**
 * "签到成功 14:02" / "你已在 14:02 签到": a repeated scan is good news, not an error. The organizer scanning a pass
 * sees whose it was (`withName`).
 */
export function scanMessage(result: ScanResult, withName = false): string {
  const time = formatShanghai(result.at, 'HH:mm');
  const verb = result.kind === 'in' ? '签到' : '签退';
  const name = withName && result.memberName ? result.memberName : '';
  return result.outcome === 'done' ? `${name ? `${name} ` : ''}${verb}成功 ${time}` : `${name || '你'}已在 ${time} ${verb}`;
}
