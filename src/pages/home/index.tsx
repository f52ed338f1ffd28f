import { useEffect, useRef, useState } from 'react';
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { PageShell } from '@/components/PageShell';
import { StatusTag } from '@/components/StatusTag';
import { membersApi } from '@/features/members/api';
import { CommunityPicker } from '@/features/members/components/CommunityPicker';
import { ElderTiles, MeEntries } from '@/features/members/components/MeEntries';
import { NextStepCard } from '@/features/members/components/NextStepCard';
import { TodayCards } from '@/features/members/components/TodayCard';
import { elderEntries, homeEntryGroups, isCommittee } from '@/features/members/entries';
import { entryBadges, todaySections, withBadges } from '@/features/members/today';
import { useToday } from '@/features/members/useToday';
import { ROUTES } from '@/features/members/routes';
import { STATUS_TONES, entryCommunityId, statusLabel } from '@/features/members/status';
import { useCommunities } from '@/features/members/useCommunities';
import { useMe } from '@/features/members/useMe';
import { errorText } from '@/services/cloud';
import { elderModeOffered, markElderModeOffered, useElderMode } from '@/services/elder-mode';
import { offersElderMode } from '@shared/rules/home-today';
import type { CommunityOption } from '@shared/domain/community';

export default function HomePage() {
  const router = useRouter();
  const me = useMe();
  const member = me.data?.member;
  // The 街道 oversees every 居民区 and belongs to none: never offered the newcomer's picker.
  const isStreet = Boolean(member?.roles.includes('street_admin'));
  const needsCommunity = Boolean(member && !member.communityId && !isStreet);
  const [elder, setElder] = useElderMode();
  const communities = useCommunities(needsCommunity);
  // What matters today: loaded once the caller has a 居民区 (or is the 街道), refreshed whenever 首页 shows again.
  const today = useToday(Boolean(member && (member.communityId || isStreet)));
  const badges = entryBadges(today.data);
  const sections = today.data ? todaySections(today.data) : [];
  const [choosing, setChoosing] = useState<string | null>(null);
  const [chooseError, setChooseError] = useState<string | null>(null);
  const autoTried = useRef(false);

  // Choosing cannot be undone without the committee, so a tap in the list asks first.
  const confirmChoose = async (c: CommunityOption) => {
    const answer = await Taro.showModal({
      title: `选择${c.name}？`,
      content: '选好后只能请居委会帮你更改，请确认这是你住的居民区。',
      confirmText: '确认选择',
      cancelText: '再看看',
    });
    if (answer.confirm) await choose(c.id);
  };

  const choose = async (communityId: string) => {
    setChoosing(communityId);
    setChooseError(null);
    try {
      me.setData(await membersApi.chooseCommunity(communityId));
    } catch (err) {
      setChooseError(errorText(err));
    } finally {
      setChoosing(null);
    }
  };

  // Opened from a 居民区's mini-program code or share card: choose it without asking.
  const fromEntry = entryCommunityId(router.params as Record<string, string | undefined>);
  useEffect(() => {
    if (needsCommunity && fromEntry && !autoTried.current) {
      autoTried.current = true;
      void choose(fromEntry);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [needsCommunity, fromEntry]);

  const community = me.data?.community;

  // Offered once to residents of 60 and over who told us their birth year; 我的 keeps the switch either way.
  useEffect(() => {
    if (!member || elder || elderModeOffered() || !offersElderMode(member.birthYear, new Date())) return;
    markElderModeOffered();
    void Taro.showModal({
      title: '试试长辈模式？',
      content: '字更大、按钮更大，首页只留活动、通知、格子屋、积分四个大按钮。以后在“我的”里随时可以切换。',
      confirmText: '换成长辈模式',
      cancelText: '暂时不用',
    }).then((answer) => {
      if (answer.confirm) setElder(true);
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [member?.birthYear, elder]);

  // A card shared from here opens 首页 for the same 居民区 (a newcomer opening it is placed there).
  useShareAppMessage(() => ({
    title: community ? `邀你加入${community.name}第二梯队` : '邀你加入同心梯队',
    path: community ? `/pages/home/index?communityId=${encodeURIComponent(community.id)}` : '/pages/home/index',
  }));
  const status = member ? (member.isMember ? 'approved' : member.application.status) : 'none';

  return (
    <PageShell className='page-home' loading={me.loading && !me.data} error={me.data ? null : me.error} onRetry={me.reload}>
      {member ? (
        <>
          <View className='greeting'>
            <Text>{member.name ? `${member.name}，你好！` : '邻居，你好！'}</Text>
          </View>
          <Text className='card__hint'>欢迎来到同心梯队，和邻居一起把家园建设得更好。</Text>
          {chooseError ? (
            <View className='inline-error choose-error' role='alert'>
              {chooseError}
            </View>
          ) : null}
          {needsCommunity ? (
            <View className='card'>
              {choosing && choosing === fromEntry ? (
                <Text className='card__hint'>正在为你选择居民区…</Text>
              ) : (
                <CommunityPicker
                  items={communities.items}
                  loading={communities.loading}
                  error={communities.error}
                  choosing={choosing}
                  onChoose={(c: CommunityOption) => void confirmChoose(c)}
                  onRetry={() => void communities.reload()}
                />
              )}
            </View>
          ) : isStreet ? (
            <>
              <TodayCards sections={sections} />
              <MeEntries groups={withBadges(homeEntryGroups(member), badges)} />
            </>
          ) : (
            <>
              {/* What matters today comes first (the elder home keeps its four big buttons above it). */}
              {elder ? <ElderTiles entries={withBadges([{ key: 'service', title: '', entries: elderEntries(member) }], badges)[0]!.entries} /> : null}
              <TodayCards sections={sections} />
              <View className='card home-community'>
                <Text className='card__label'>我的居民区</Text>
                <Text className='community-name'>{community?.name ?? ''}</Text>
                {community?.streetName ? <Text className='card__hint'>{community.streetName}</Text> : null}
                {/* The committee runs the echelon: no 未申请 tag and never an invitation to apply. */}
                {isCommittee(member) ? null : (
                  <View className='card__row'>
                    <Text className='card__label'>第二梯队</Text>
                    <StatusTag className='home-status' label={statusLabel(status)} tone={STATUS_TONES[status]} />
                  </View>
                )}
              </View>
              {isCommittee(member) ? null : (
                <NextStepCard
                  member={member}
                  consented={Boolean(me.data?.privacy.accepted)}
                  onPrivacy={() => void Taro.navigateTo({ url: ROUTES.privacy })}
                  onProfile={() => void Taro.navigateTo({ url: ROUTES.profile })}
                  onApply={() => void Taro.navigateTo({ url: ROUTES.apply })}
                />
              )}
              <MeEntries groups={withBadges(homeEntryGroups(member).filter((g) => !elder || g.key !== 'service'), badges)} />
            </>
          )}
        </>
      ) : null}
    </PageShell>
  );
}
