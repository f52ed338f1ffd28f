import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { CallButton } from '@/components/CallButton';
import { StatusTag } from '@/components/StatusTag';
import type { RosterRow } from '@shared/domain/grid';
import { APPLICATION_STATUS_LABELS } from '@shared/domain/member';
import { gridsApi } from '../api';
import { ColourChip } from './ColourChip';
import './ColourChip.scss';

const TONES = { none: 'neutral', pending: 'pending', approved: 'success', rejected: 'danger' } as const;

/** One resident of a grid's roster, with 打电话 (the number fetched on tap); `children` holds the committee's actions. */
export function RosterRowCard({ row, children }: { row: RosterRow; children?: ReactNode }) {
  return (
    <View className='card roster-row' data-member-id={row.memberId}>
      <View className='card__row'>
        <Text className='roster-row__name'>{row.name || '（未填姓名）'}</Text>
        {row.colour !== undefined ? <ColourChip colour={row.colour} /> : null}
      </View>
      <Text className='roster-row__line roster-row__address'>{[row.building, row.room].filter(Boolean).join(' ')}</Text>
      {row.phone ? (
        <View className='card__row roster-row__line'>
          <Text className='roster-row__phone'>手机：{row.phone}</Text>
          <CallButton className='btn-call-resident' numberFor={async () => (await gridsApi.residentPhone(row.memberId)).phone} />
        </View>
      ) : null}
      <View className='roster-row__line'>
        <StatusTag label={APPLICATION_STATUS_LABELS[row.status]} tone={TONES[row.status]} />
      </View>
      {row.skills?.length ? <Text className='roster-row__line roster-row__skills'>技能：{row.skills.join('、')}</Text> : null}
      {children ? <View className='roster-row__actions'>{children}</View> : null}
    </View>
  );
}
