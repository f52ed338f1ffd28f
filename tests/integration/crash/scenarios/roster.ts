// Crash scenarios of the roster function (tests/support/crash-matrix.ts): the import.
import type { CrashScenario } from '../../../support/crash-matrix';

const GOOD = [
  '姓名,楼栋,门牌,手机,技能,梯队',
  '顾阿婆,8号楼,101,13812345678,理发;缝纫,成员',
  '钱师傅,3号,502室,,水电维修、家电维修,',
  '"孙, 小梅",10号楼,1203,138 1111 2222,"瑜伽,舞蹈",居民',
].join('\r\n');

export const scenarios: CrashScenario[] = [
  { name: 'roster.commit', fn: 'roster', action: 'commit', caller: 'committee', payload: () => ({ source: { kind: 'text', csv: GOOD }, requestId: 'crash-roster-1' }) },
];
