import { Input, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { ChoiceChips } from '@/components/ChoiceChips';
import { DateField } from '@/components/DateTimeField';
import { FormField } from '@/components/FormField';
import { MAX_PROJECT_MILESTONES } from '@shared/domain/participation';

export interface MilestoneRow {
  /** Keeps a row's inputs when an earlier row is removed. */
  key: number;
  title: string;
  /** Shanghai day "YYYY-MM-DD", '' until picked. */
  due: string;
  done: boolean;
}

export interface MilestonesFieldProps {
  value: MilestoneRow[];
  onChange: (rows: MilestoneRow[]) => void;
  /** A row's message by its field name (`milestone-<index>`), as the form's errors hold them. */
  errors: Record<string, string>;
  /** A row changed: its message goes. */
  onEdited: (field: string) => void;
}

const DONE = 'done';
export const milestoneField = (index: number) => `milestone-${index}`;

/** 计划节点: each with a name, a day picked (never typed) and 已完成; rows added and removed. */
export function MilestonesField({ value, onChange, errors, onEdited }: MilestonesFieldProps) {
  const set = (index: number, patch: Partial<MilestoneRow>) => {
    onChange(value.map((row, i) => (i === index ? { ...row, ...patch } : row)));
    onEdited(milestoneField(index));
  };
  // The rows after it move up: their messages would name the wrong row.
  const remove = (index: number) => {
    onChange(value.filter((_, j) => j !== index));
    value.forEach((_, j) => j >= index && onEdited(milestoneField(j)));
  };
  const add = () => onChange([...value, { key: Math.max(0, ...value.map((r) => r.key)) + 1, title: '', due: '', done: false }]);
  return (
    <View className='pp-milestones-field'>
      {value.map((row, i) => (
        <View key={row.key} className='pp-milestone-row'>
          <FormField label={`节点${i + 1}`} name={milestoneField(i)} error={errors[milestoneField(i)]}>
            <Input id={`milestone-title-${i}`} className='pp-input' value={row.title} maxlength={30} placeholder='例如：完成方案征询' onInput={(e) => set(i, { title: e.detail.value })} />
            <DateField id={`milestone-due-${i}`} value={row.due} placeholder='选择节点日期' onChange={(due) => set(i, { due })} />
            <ChoiceChips id={`milestone-done-${i}`} options={[{ value: DONE, label: '已完成' }]} value={row.done ? [DONE] : []} onChange={(v) => set(i, { done: v.includes(DONE) })} />
          </FormField>
          <Button className={`btn-remove-milestone btn-remove-milestone-${i}`} type='default' size='small' onClick={() => remove(i)}>
            删除这个节点
          </Button>
        </View>
      ))}
      {value.length < MAX_PROJECT_MILESTONES ? (
        <Button className='btn-add-milestone' type='default' size='large' block onClick={add}>
          添加节点
        </Button>
      ) : null}
    </View>
  );
}
