import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Image, Input, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { LinkButton } from '@/components/LinkButton';
import { DateTimeField } from '@/components/DateTimeField';
import { PageShell } from '@/components/PageShell';
import { StatusTag } from '@/components/StatusTag';
import { EVENT_PAGES, eventsApi, newRequestId } from '@/features/events/api';
import { ProxySignUp } from '@/features/events/components/ProxySignUp';
import { ReminderButton } from '@/features/events/components/ReminderButton';
import { RoleRow } from '@/features/events/components/RoleRow';
import { SkillSuggestions } from '@/features/events/components/SkillSuggestions';
import { mySignupText, whenText } from '@/features/events/format';
import { useEvent, useSignups } from '@/features/events/hooks';
import { isCommittee } from '@/features/members/entries';
import { useMe } from '@/features/members/useMe';
import '@/features/events/events.scss';
import { errorText } from '@/services/cloud';
import { PendingImage, RefusedImagesNote } from '@/components/ImageReview';
import { imageSrc } from '@/services/upload';
import { checkinOpensAtMs, checkinPhase } from '@shared/rules/checkin-window';
import { formatShanghai } from '@shared/time';
import { AUDIENCE_LABELS, SIGNUP_STATUS_LABELS, type EventRoleView, type EventView } from '@shared/domain/event';

/** The check-in pages (another subpackage): the organizer's station and review, the volunteer's scan and pass. */
const CHECKIN_PAGES = {
  station: '/packages/checkin/pages/station/index',
  review: '/packages/checkin/pages/review/index',
  scan: '/packages/checkin/pages/scan/index',
  pass: '/packages/checkin/pages/pass/index',
} as const;

/** The organizer's tools: who signed up, edit, duplicate, cancel with a reason. */
function OrganizerTools({ event, onChanged }: { event: EventView; onChanged: () => void }) {
  const signups = useSignups(event.id);
  const [reason, setReason] = useState('');
  const [copyStart, setCopyStart] = useState(() => new Date(Date.parse(event.startAt) + 7 * 24 * 3600 * 1000).toISOString());
  const [copyId] = useState(newRequestId);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const roleName = new Map(event.roles.map((r) => [r.key, r.name]));

  const run = async (work: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  const cancelEvent = async () => {
    const { confirm } = await Taro.showModal({
      title: '取消活动',
      content: '取消后会通知所有报名的邻居，活动不能再恢复。确定取消吗？',
      confirmText: '取消活动',
      cancelText: '再想想',
    });
    if (confirm) await cancelRun();
  };
  const cancelRun = () =>
    run(async () => {
      const { notified } = await eventsApi.cancel(event.id, reason);
      void Taro.showToast({ title: `已取消，通知了${notified}人`, icon: 'none', duration: 2000 });
      onChanged();
    });
  const duplicate = () =>
    run(async () => {
      const { event: copy } = await eventsApi.duplicate(event.id, copyStart, copyId);
      void Taro.navigateTo({ url: EVENT_PAGES.detail(copy.id) });
    });

  return (
    <View className='card event-organizer'>
      <View className='card__title'>报名名单</View>
      {signups.items.length === 0 && !signups.loading ? <Text className='card__hint'>还没有人报名。</Text> : null}
      {signups.items.map((s) => (
        <View key={s.memberId} className='event-signup' data-member-id={s.memberId}>
          <Text>
            {s.seq}. {s.name}（{roleName.get(s.roleKey) ?? s.roleKey}）{SIGNUP_STATUS_LABELS[s.status]}
            {s.byProxy ? '，代报名' : ''}
          </Text>
        </View>
      ))}
      {signups.hasMore ? (
        <Button className='btn-load-more-signups' type='default' size='large' block onClick={signups.loadMore}>
          加载更多
        </Button>
      ) : null}
      {error ? (
        <View className='inline-error event-organizer-error' role='alert'>
          {error}
        </View>
      ) : null}
      {event.status === 'published'
        ? event.roles.filter((r) => r.skills.length > 0).map((r) => <SkillSuggestions key={r.key} eventId={event.id} role={r} />)
        : null}
      {event.status === 'published' ? (
        <View className='event-form__actions'>
          <LinkButton className='btn-open-station' url={`${CHECKIN_PAGES.station}?eventId=${encodeURIComponent(event.id)}`}>
            签到台
          </LinkButton>
          <LinkButton className='btn-open-review' type='default' url={`${CHECKIN_PAGES.review}?eventId=${encodeURIComponent(event.id)}`}>
            核对时长
          </LinkButton>
          <LinkButton className='btn-edit-event' type='default' url={EVENT_PAGES.edit(event.id)}>
            修改活动
          </LinkButton>
          <Text>复制一场新活动，开始时间：</Text>
          <DateTimeField id='copy-start' value={copyStart} min={new Date().toISOString()} onChange={setCopyStart} />
          <Button className='btn-duplicate-event' type='default' size='large' block disabled={busy} onClick={() => void duplicate()}>
            复制活动
          </Button>
          <Text>取消原因（会通知已报名的人）：</Text>
          <Input id='cancel-reason' className='event-input' value={reason} maxlength={100} placeholder='例如：台风预警，改期再办' onInput={(e) => setReason(e.detail.value)} />
          <Button className='btn-cancel-event' type='danger' size='large' block disabled={busy} onClick={() => void cancelEvent()}>
            取消活动
          </Button>
        </View>
      ) : null}
    </View>
  );
}

/** 活动详情: what, when, where, the roles with their places; sign up, see one's place on the waiting list, cancel. */
/** 代居民报名 with the caller's own grids (the committee may choose any grid of its 居民区). */
function ProxyForCaller({ event, onDone }: { event: EventView; onDone: () => void }) {
  const member = useMe().data?.member;
  if (!member) return null;
  return <ProxySignUp event={event} ownGridIds={isCommittee(member) ? null : member.leadsGridIds} onDone={onDone} />;
}

export default function EventDetailPage() {
  const eventId = (useRouter().params as Record<string, string | undefined>).id ?? '';
  const query = useEvent(eventId);
  const event = query.data?.event ?? null;
  const [busyKey, setBusyKey] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [proxyRound, setProxyRound] = useState(0);

  const act = async (key: string, work: () => Promise<unknown>, done: string) => {
    setBusyKey(key);
    setActionError(null);
    try {
      await work();
      void Taro.showToast({ title: done, icon: 'none', duration: 1500 });
      await query.reload();
    } catch (err) {
      setActionError(errorText(err));
    } finally {
      setBusyKey(null);
    }
  };
  const signUp = (role: EventRoleView) => void act(role.key, () => eventsApi.signUp(eventId, role.key), role.taken >= role.places ? '已加入候补' : '报名成功');
  const cancelSignup = async () => {
    const { confirm } = await Taro.showModal({ title: '取消报名', content: '取消后名额会让给候补的邻居，确定吗？', confirmText: '取消报名', cancelText: '再想想' });
    if (confirm) await act('cancel', () => eventsApi.cancelSignup(eventId), '已取消报名');
  };

  const open = !!event && event.status === 'published' && Date.now() <= Date.parse(event.signupClosesAt);
  const phase = event ? checkinPhase(event, Date.now()) : 'before';
  return (
    <PageShell
      className={`page-events-detail${busyKey || query.loading ? ' is-busy' : ''}`}
      title={event?.title ?? '活动详情'}
      loading={query.loading && !event}
      error={event ? null : query.error}
      onRetry={() => void query.reload()}
    >
      {event ? (
        <>
          {event.cover ? <Image className='event-cover' src={imageSrc(event.cover)} mode='aspectFill' /> : null}
          {/* For its organizers only: a new cover under check, or the note that one was refused. */}
          {event.pendingImages.map((fileID) => (
            <PendingImage key={fileID} className='event-cover' src={imageSrc(fileID)} />
          ))}
          <RefusedImagesNote count={event.refusedImages} />
          <View className='card event-info'>
            <View className='event-card__head'>
              <StatusTag label={event.type} />
              {event.status === 'cancelled' ? <StatusTag label='已取消' tone='danger' /> : null}
            </View>
            <Text className='event-card__meta'>时间：{whenText(event.startAt, event.endAt)}</Text>
            <Text className='event-card__meta'>地点：{event.place}</Text>
            <Text className='event-card__meta'>对象：{AUDIENCE_LABELS[event.audience.kind]}</Text>
            <Text className='event-card__meta'>报名截止：{formatShanghai(event.signupClosesAt, 'M月D日 HH:mm')}</Text>
            <Text className='event-card__meta'>组织者：{event.organizerName}</Text>
            {event.description ? <Text className='event-card__meta'>{event.description}</Text> : null}
          </View>
          {event.mine ? (
            <View className='card event-my-signup'>
              <Text className='event-mine'>{mySignupText(event.mine)}</Text>
              <Text className='event-card__meta'>岗位：{event.roles.find((r) => r.key === event.mine!.roleKey)?.name}</Text>
              {event.mine.status === 'confirmed' && event.status === 'published' && phase !== 'after' ? (
                <>
                  {/* Calm until check-in opens: a red button a week early reads as "do this now". */}
                  {phase === 'before' ? (
                    <Text className='event-card__meta event-checkin-opens'>签到 {formatShanghai(checkinOpensAtMs(event), 'M月D日 HH:mm')} 开始</Text>
                  ) : null}
                  <LinkButton className={`btn-open-scan${phase === 'open' ? ' is-open' : ''}`} type={phase === 'open' ? 'primary' : 'default'} url={`${CHECKIN_PAGES.scan}?eventId=${encodeURIComponent(event.id)}`}>
                    扫码签到
                  </LinkButton>
                  <LinkButton className='btn-open-pass' type='default' url={`${CHECKIN_PAGES.pass}?eventId=${encodeURIComponent(event.id)}`}>
                    我的签到码
                  </LinkButton>
                </>
              ) : null}
              {event.status === 'published' ? <ReminderButton /> : null}
              {open ? (
                <Button className='btn-cancel-signup' type='default' size='large' block loading={busyKey === 'cancel'} disabled={!!busyKey} onClick={() => void cancelSignup()}>
                  取消报名
                </Button>
              ) : null}
            </View>
          ) : null}
          {actionError ? (
            <View className='inline-error event-action-error' role='alert'>
              {actionError}
            </View>
          ) : null}
          <View className='card event-roles'>
            <View className='card__title'>岗位和名额</View>
            {event.roles.map((role) => (
              <RoleRow key={role.key} role={role} canSignUp={open && !event.mine} busy={busyKey === role.key} onSignUp={signUp} />
            ))}
          </View>
          {open && event.canSignUpOthers ? (
            <ProxyForCaller
              event={event}
              onDone={() => {
                void query.reload();
                // The organizer's list below shows the new sign-up.
                setProxyRound((n) => n + 1);
              }}
            />
          ) : null}
          {event.canManage ? <OrganizerTools key={proxyRound} event={event} onChanged={() => void query.reload()} /> : null}
        </>
      ) : null}
    </PageShell>
  );
}
