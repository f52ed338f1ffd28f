/** Codes start with `ROSTER.`; messages are what residents read. The detail of a file problem comes in `fields.csv`. */
export const ROSTER_ERRORS = {
  'ROSTER.FILE_NOT_FOUND': '没有找到上传的名册文件，请重新上传',
  'ROSTER.FILE_TOO_LARGE': '文件太大了（最多5MB），请分成几份导入',
  'ROSTER.NOT_UTF8': '文件不是UTF-8编码：请在Excel里“另存为”选择“CSV UTF-8（逗号分隔）”后再上传',
  'ROSTER.MALFORMED': '名册格式有误：有引号没有配对，请检查后再试',
  'ROSTER.EMPTY': '名册里没有数据，请检查文件内容',
  'ROSTER.BAD_HEADER': '第一行应是表头：姓名,楼栋,门牌（手机、技能、梯队可选）',
  'ROSTER.TOO_MANY_ROWS': '一次最多导入20000行，请分成几份导入',
  'ROSTER.HAS_BAD_ROWS': '名册里还有有问题的行：请先改正，或选择“只导入正确的行”',
} as const;
