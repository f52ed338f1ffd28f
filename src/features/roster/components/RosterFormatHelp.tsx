import { Text, View } from '@tarojs/components';
import { ROSTER_TEMPLATE } from '@shared/rules/roster-csv';

/** How the roster must look, in the committee's words, with a line to copy. */
export function RosterFormatHelp() {
  return (
    <View className='card roster-help'>
      <View className='card__title'>
        <Text>名册格式</Text>
      </View>
      <Text className='roster-help__line'>第一行是表头：姓名、楼栋、门牌必填；手机、技能、梯队可以不填。</Text>
      <Text className='roster-help__line'>技能之间用分号或顿号隔开；梯队填“成员”表示已是第二梯队成员。</Text>
      <Text className='roster-help__line'>可以从Excel复制粘贴，也可以上传“CSV UTF-8”文件。同一份名册重复导入不会重复建档。</Text>
      <Text className='roster-help__sample' userSelect>
        {ROSTER_TEMPLATE}
      </Text>
    </View>
  );
}
