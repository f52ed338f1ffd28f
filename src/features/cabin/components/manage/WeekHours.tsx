import { Text, View } from '@tarojs/components';
import { TimeField } from '@/components/DateTimeField';
import { FormField } from '@/components/FormField';
import { WEEKDAY_LABELS, type TimeRange, type WeeklyHours } from '@shared/domain/cabin';
import { MAX_RANGES_A_DAY, nextRange } from '../../hours';

/**
 * 删除 and 添加时段 are links; this gives them a 48 px tap target (elder mode's minimum) without changing the shared
 * .link-btn style for every page.
 */
const TAP_TARGET = { minWidth: '48px', minHeight: '48px', display: 'inline-flex', alignItems: 'center' } as const;

export interface WeekHoursProps {
  /** Names the pickers and buttons: `<id>-<day>-<n>-from`, `<id>-<day>-<n>-to`, `<id>-<day>-add`. */
  id: string;
  value: WeeklyHours;
  onChange: (week: WeeklyHours) => void;
  /** The form field of a day (its wrapper is scrolled to and its error shown under it). */
  fieldOf: (day: number) => string;
  errors: Record<string, string>;
  /** A day was edited: its old message goes. */
  onEdit?: (field: string) => void;
}

/**
 * Opening hours of a week, picked and never typed: each day lists its time ranges as two time pickers
 * (从 ... 至 ...) with 删除, and 添加时段 below; a day without ranges is closed. The value is the contract's
 * WeeklyHours, as the function takes it.
 */
export function WeekHours({ id, value, onChange, fieldOf, errors, onEdit }: WeekHoursProps) {
  const setDay = (day: number, ranges: TimeRange[]) => {
    onEdit?.(fieldOf(day));
    onChange(value.map((d, i) => (i === day ? ranges : d)));
  };
  return (
    <View className='week-hours'>
      {WEEKDAY_LABELS.map((label, day) => {
        const ranges = value[day] ?? [];
        return (
          <FormField key={label} label={label} name={fieldOf(day)} error={errors[fieldOf(day)]}>
            <View className='week-hours__day' data-day={day}>
              {ranges.length === 0 ? <Text className='card__hint week-hours__closed'>不开放</Text> : null}
              {ranges.map((range, n) => (
                <View key={n} className='datetime-field week-hours__range'>
                  <TimeField
                    id={`${id}-${day}-${n}-from`}
                    value={range.from}
                    onChange={(from) => setDay(day, ranges.map((r, j) => (j === n ? { ...r, from } : r)))}
                  />
                  <View className='datetime-field__to'>
                    <Text>至</Text>
                  </View>
                  <TimeField id={`${id}-${day}-${n}-to`} value={range.to} onChange={(to) => setDay(day, ranges.map((r, j) => (j === n ? { ...r, to } : r)))} />
                  <View className='datetime-field__to'>
                    <View
                      id={`${id}-${day}-${n}-remove`}
                      className='link-btn week-hours__remove'
                      style={TAP_TARGET}
                      role='button'
                      onClick={() => setDay(day, ranges.filter((_, j) => j !== n))}
                    >
                      删除
                    </View>
                  </View>
                </View>
              ))}
              {ranges.length < MAX_RANGES_A_DAY ? (
                <View id={`${id}-${day}-add`} className='link-btn week-hours__add' style={TAP_TARGET} role='button' onClick={() => setDay(day, [...ranges, nextRange(ranges)])}>
                  添加时段
                </View>
              ) : null}
            </View>
          </FormField>
        );
      })}
    </View>
  );
}
