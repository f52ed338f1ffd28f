import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import './members.scss';
import {
  FIELD_VISIBILITY_LABELS,
  STAFF_ROLE_LABELS,
  type MyData,
  type Visibility,
} from '@shared/domain/member';
import { REPORT_STATE_LABELS, type ReportState } from '@shared/domain/report';
import { formatShanghai } from '@shared/time';
import { statusLabel } from '../status';
import { HistoryList } from './HistoryList';
import { Row } from './ProfileSummary';

function Section({ title, className, children }: { title: string; className: string; children: ReactNode }) {
  return (
    <View className={`card my-data-section ${className}`}>
      <View className='card__title'>
        <Text>{title}</Text>
      </View>
      {children}
    </View>
  );
}

const Empty = ({ text }: { text: string }) => <Text className='card__hint'>{text}</Text>;

const VISIBILITY_ROWS: { key: keyof Visibility; label: string }[] = [
  { key: 'skills', label: '技能' },
  { key: 'interests', label: '兴趣' },
  { key: 'availability', label: '空闲时间' },
  { key: 'phone', label: '手机号' },
];

/** Everything stored about the resident, section by section, in plain words. */
export function MyDataView({ data }: { data: MyData }) {
  const { member } = data;
  return (
    <View className='my-data'>
      <Section title='我的资料' className='my-data-profile'>
        <Row label='姓名' value={member.name} className='my-data-name' />
        <Row label='楼栋门牌' value={[member.building, member.room].filter(Boolean).join(' ')} className='my-data-address' />
        <Row label='手机号' value={member.phone} className='my-data-phone' />
        <Row label='技能' value={member.skills.join('、')} className='my-data-skills' />
        <Row label='兴趣' value={member.interests.join('、')} className='my-data-interests' />
        <Row label='空闲时间' value={member.availability.join('、')} className='my-data-availability' />
        <Row label='出生年份' value={member.birthYear ? `${member.birthYear}年` : '未填写'} className='my-data-birth-year' />
      </Section>
      <Section title='谁能看到我的信息' className='my-data-visibility'>
        {VISIBILITY_ROWS.map((r) => (
          <Row key={r.key} label={r.label} value={FIELD_VISIBILITY_LABELS[member.visibility[r.key]]} className={`my-data-visibility-${r.key}`} />
        ))}
      </Section>
      <Section title='居民区和第二梯队' className='my-data-community'>
        <Row label='居民区' value={data.community?.name ?? ''} className='my-data-community-name' />
        <Row label='第二梯队' value={statusLabel(member.isMember ? 'approved' : member.application.status)} className='my-data-status' />
        {member.roles.length ? (
          <Row label='担任' value={member.roles.map((r) => STAFF_ROLE_LABELS[r]).join('、')} className='my-data-roles' />
        ) : null}
        {member.gridId ? <Row label='所在微格' value={member.gridId} className='my-data-grid' /> : null}
        {member.leadsGridIds.length ? <Row label='负责的微格' value={member.leadsGridIds.join('、')} className='my-data-leads' /> : null}
        <Row label='参加的分会' value={member.councilIds.length ? `${member.councilIds.length}个` : '还没有参加'} className='my-data-councils' />
        <Row label='登记时间' value={formatShanghai(member.createdAt)} className='my-data-created' />
      </Section>
      <Section title='微格工作记录' className='my-data-grid-work'>
        <Text className='card__hint'>微格长为上门关心居民所做的工作记录不在这里显示。想了解记录了你什么，可以直接问居委会。</Text>
      </Section>
      <Section title='隐私说明' className='my-data-privacy'>
        {data.privacy.acceptedVersion && data.privacy.acceptedAt ? (
          <Text>
            {formatShanghai(data.privacy.acceptedAt)} 同意（版本 {data.privacy.acceptedVersion}）
          </Text>
        ) : (
          <Empty text='还没有同意' />
        )}
      </Section>
      <Section title='我的经历' className='my-data-history'>
        {data.history.length ? <HistoryList entries={data.history} /> : <Empty text='还没有记录' />}
      </Section>
      <Section title='代办记录' className='my-data-proxy'>
        <Text className='card__hint'>别人替你办过的事，都记在这里。</Text>
        {data.proxyActions.length ? (
          data.proxyActions.map((p) => (
            <Text key={p.id} className='my-data-proxy__row'>
              {formatShanghai(p.at)} {p.actorName} 为 {p.subjectName} {p.action}
            </Text>
          ))
        ) : (
          <Empty text='没有' />
        )}
      </Section>
      <Section title='小小梯队' className='my-data-children'>
        {data.children.length ? (
          data.children.map((c) => (
            <Text key={c.id} className='my-data-children__row'>
              {c.name}，{c.birthYear}年出生（{formatShanghai(c.consentAt, 'YYYY-MM-DD')} 登记）
            </Text>
          ))
        ) : (
          <Empty text='没有登记孩子' />
        )}
      </Section>
      <Section title='我的上报' className='my-data-reports'>
        <Text className='card__hint'>注销后，你报过的问题留给居委继续办理，不再显示你的名字；你点过“我也遇到了”的不再算你。</Text>
        {data.reports.filed.length || data.reports.joined.length ? (
          [...data.reports.filed.map((r) => ({ r, joined: false })), ...data.reports.joined.map((r) => ({ r, joined: true }))].map(({ r, joined }) => (
            <Text key={r.id} className='my-data-reports__row'>
              {formatShanghai(r.filedAt)} {joined ? '我也遇到了：' : ''}
              {r.category}（{r.place}）{REPORT_STATE_LABELS[r.state as ReportState] ?? r.state}
            </Text>
          ))
        ) : (
          <Empty text='没有上报过' />
        )}
      </Section>
    </View>
  );
}
