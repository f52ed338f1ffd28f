import { Picker, Text, View } from '@tarojs/components';
import { dayText, formatShanghai, fromShanghai } from '@shared/time';
import './DateTimeField.scss';

export interface DateTimeFieldProps {
  /** Names the pickers: `<id>-date` and `<id>-time`. */
  id: string;
  /** An ISO instant. */
  value: string;
  onChange: (iso: string) => void;
  /** The earliest and latest instants that can be picked (ISO); the day pickers stop there. */
  min?: string;
  max?: string;
}

/**
 * A date and a time picked, never typed: the platform's pickers in weapp, Taro's in H5. Shows the value in
 * words ("12月1日 周二 09:00") and hands the form an ISO instant, reasoned about in Shanghai time.
 */
export function DateTimeField({ id, value, onChange, min, max }: DateTimeFieldProps) {
  const date = formatShanghai(value, 'YYYY-MM-DD');
  const time = formatShanghai(value, 'HH:mm');
  const clamp = (iso: string) => {
    if (min && iso < min) return min;
    if (max && iso > max) return max;
    return iso;
  };
  return (
    <View className='datetime-field'>
      <Picker
        id={`${id}-date`}
        className='datetime-field__picker datetime-field__picker--date'
        mode='date'
        value={date}
        start={min ? formatShanghai(min, 'YYYY-MM-DD') : undefined}
        end={max ? formatShanghai(max, 'YYYY-MM-DD') : undefined}
        onChange={(e) => onChange(clamp(fromShanghai(String(e.detail.value), time)))}
      >
        <View className='datetime-field__part'>
          <Text>{dayText(value)}</Text>
        </View>
      </Picker>
      <Picker id={`${id}-time`} className='datetime-field__picker' mode='time' value={time} onChange={(e) => onChange(clamp(fromShanghai(date, String(e.detail.value))))}>
        <View className='datetime-field__part'>
          <Text>{time}</Text>
        </View>
      </Picker>
    </View>
  );
}

export interface DateFieldProps {
  /** Names the picker. */
  id: string;
  /** A Shanghai day, "YYYY-MM-DD"; empty while none is picked. */
  value: string;
  onChange: (date: string) => void;
  /** The first and last days that can be picked, "YYYY-MM-DD". */
  min?: string;
  max?: string;
  /** Shown while no day is picked ("选择日期" unless told). */
  placeholder?: string;
}

/** A day picked, never typed (a term's first day), shown in words: "12月1日 周二". */
export function DateField({ id, value, onChange, min, max, placeholder = '选择日期' }: DateFieldProps) {
  return (
    <View className='datetime-field'>
      <Picker id={id} className='datetime-field__picker datetime-field__picker--date' mode='date' value={value || min || ''} start={min} end={max} onChange={(e) => onChange(String(e.detail.value))}>
        <View className={`datetime-field__part${value ? '' : ' datetime-field__part--empty'}`}>
          <Text>{value ? dayText(fromShanghai(value, '12:00')) : placeholder}</Text>
        </View>
      </Picker>
    </View>
  );
}

export interface TimeFieldProps {
  /** Names the picker. */
  id: string;
  /** A Shanghai wall-clock time, "HH:mm". */
  value: string;
  onChange: (time: string) => void;
}

/** A time of day picked, never typed (a duty shift's start), shown as "09:00". */
export function TimeField({ id, value, onChange }: TimeFieldProps) {
  return (
    <Picker id={id} className='datetime-field__picker' mode='time' value={value} onChange={(e) => onChange(String(e.detail.value))}>
      <View className='datetime-field__part'>
        <Text>{value}</Text>
      </View>
    </Picker>
  );
}
