import { useState } from 'react';
import { Image, Input, Text, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { ChoiceChips } from '@/components/ChoiceChips';
import { errorText } from '@/services/cloud';
import { PendingImage } from '@/components/ImageReview';
import { imageSrc, pickImages } from '@/services/upload';
import { FormField } from '@/components/FormField';
import type { EventInput } from '@shared/actions/events';
import { AUDIENCE_LABELS, EVENT_TYPES, type EventType, type EventView } from '@shared/domain/event';
import { fromFormTime, toFormTime } from '../format';
import { useCouncilOptions } from '../hooks';

interface RoleDraft {
  key: string;
  name: string;
  places: string;
  skills: string;
}

const HOUR = 3600 * 1000;
const AUDIENCE_OPTIONS = (['community', 'members', 'council'] as const).map((value) => ({ value, label: AUDIENCE_LABELS[value] }));
const WALK_IN = 'walkIns';

/** Tomorrow 09:00 Shanghai, as a starting point for a new event. */
function tomorrowAt9(): string {
  const day = toFormTime(new Date(Date.now() + 24 * HOUR).toISOString()).slice(0, 10);
  return `${day} 09:00`;
}

export interface EventFormProps {
  event?: EventView;
  submitting: boolean;
  errors: Record<string, string>;
  onSubmit: (input: EventInput) => void;
}

/** The organizer's form: what, when, where, who may join, and the roles with their places and wanted skills. */
export function EventForm({ event, submitting, errors, onSubmit }: EventFormProps) {
  const [title, setTitle] = useState(event?.title ?? '');
  const [type, setType] = useState<EventType>(event?.type ?? '公益课堂');
  const [place, setPlace] = useState(event?.place ?? '');
  const [description, setDescription] = useState(event?.description ?? '');
  const [cover, setCover] = useState(event?.pendingImages[0] ?? event?.cover ?? '');
  const [coverError, setCoverError] = useState<string | null>(null);
  const [startAt, setStartAt] = useState(event ? toFormTime(event.startAt) : tomorrowAt9());
  const [endAt, setEndAt] = useState(event ? toFormTime(event.endAt) : tomorrowAt9().replace('09:00', '11:00'));
  const [closesAt, setClosesAt] = useState(event ? toFormTime(event.signupClosesAt) : tomorrowAt9().replace('09:00', '08:00'));
  const [audience, setAudience] = useState<string>(event?.audience.kind ?? 'community');
  const [audienceCouncil, setAudienceCouncil] = useState<string>(event?.audience.councilId ?? '');
  const councils = useCouncilOptions(audience === 'council');
  const [walkIns, setWalkIns] = useState<string[]>(event?.allowWalkIns ? [WALK_IN] : []);
  const [roles, setRoles] = useState<RoleDraft[]>(
    event?.roles.map((r) => ({ key: r.key, name: r.name, places: String(r.places), skills: r.skills.join('、') })) ?? [{ key: 'r1', name: '志愿者', places: '10', skills: '' }],
  );
  const [timeError, setTimeError] = useState<string | null>(null);

  const setRole = (i: number, patch: Partial<RoleDraft>) => setRoles((prev) => prev.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const addRole = () => setRoles((prev) => [...prev, { key: `r${Date.now().toString(36)}`, name: '', places: '2', skills: '' }]);

  const chooseCover = async () => {
    setCoverError(null);
    try {
      const [fileID] = await pickImages(1);
      if (fileID) setCover(fileID);
    } catch (err) {
      setCoverError(errorText(err));
    }
  };

  const submit = () => {
    const times = [startAt, endAt, closesAt].map(fromFormTime);
    if (times.some((t) => !t)) {
      setTimeError('时间请按“2026-12-01 09:00”的格式填写');
      return;
    }
    setTimeError(null);
    const [start, end, closes] = times as string[];
    onSubmit({
      title,
      description,
      type,
      place,
      cover,
      startAt: start!,
      endAt: end!,
      audience: audience === 'council' ? { kind: 'council', councilId: audienceCouncil } : { kind: audience as 'community' | 'members' },
      signupOpensAt: event?.signupOpensAt ?? new Date().toISOString(),
      signupClosesAt: closes!,
      roles: roles.map((r) => ({
        key: r.key,
        name: r.name,
        places: Number(r.places),
        skills: r.skills.split(/[、,，\s]+/).filter(Boolean),
      })),
      allowWalkIns: walkIns.includes(WALK_IN),
      ...(event?.councilId ? { councilId: event.councilId } : {}),
    });
  };

  return (
    <View className='event-form'>
      <FormField label='活动名称' name='title' error={errors['event.title']}>
        <Input id='event-title' className='event-input' value={title} maxlength={30} placeholder='例如：楼道绿化养护' onInput={(e) => setTitle(e.detail.value)} />
      </FormField>
      <FormField label='活动类型' name='type' error={errors['event.type']}>
        <ChoiceChips id='event-type' single options={EVENT_TYPES} value={[type]} onChange={(v) => setType(v[0] as EventType)} />
      </FormField>
      <FormField label='地点' name='place' error={errors['event.place']}>
        <Input id='event-place' className='event-input' value={place} maxlength={40} placeholder='例如：居委会活动室' onInput={(e) => setPlace(e.detail.value)} />
      </FormField>
      <FormField label='封面图片' name='cover' optional error={errors['event.cover'] ?? coverError ?? undefined}>
        {cover && event?.pendingImages.includes(cover) ? (
          <PendingImage className='event-cover event-form__cover' src={imageSrc(cover)} />
        ) : cover ? (
          <Image className='event-cover event-form__cover' src={imageSrc(cover)} mode='aspectFill' />
        ) : null}
        <Button className='btn-event-cover' type='default' size='large' block onClick={() => void chooseCover()}>
          {cover ? '换一张封面' : '选一张封面图片'}
        </Button>
      </FormField>
      <FormField label='活动介绍' name='description' optional error={errors['event.description']}>
        <Textarea id='event-description' className='event-input' value={description} maxlength={500} onInput={(e) => setDescription(e.detail.value)} />
      </FormField>
      <FormField label='开始时间' name='startAt' hint='格式：2026-12-01 09:00' error={errors['event.startAt']}>
        <Input id='event-start' className='event-input' value={startAt} onInput={(e) => setStartAt(e.detail.value)} />
      </FormField>
      <FormField label='结束时间' name='endAt' error={errors['event.endAt']}>
        <Input id='event-end' className='event-input' value={endAt} onInput={(e) => setEndAt(e.detail.value)} />
      </FormField>
      <FormField label='报名截止' name='signupClosesAt' error={errors['event.signupClosesAt']}>
        <Input id='event-closes' className='event-input' value={closesAt} onInput={(e) => setClosesAt(e.detail.value)} />
      </FormField>
      <FormField label='谁可以报名' name='audience' error={errors['event.audience'] ?? errors['event.audience.councilId']}>
        <ChoiceChips id='event-audience' single options={AUDIENCE_OPTIONS} value={[audience]} onChange={(v) => setAudience(v[0]!)} />
        {audience === 'council' ? (
          <ChoiceChips id='event-audience-council' single options={councils} value={audienceCouncil ? [audienceCouncil] : []} onChange={(v) => setAudienceCouncil(v[0] ?? '')} />
        ) : null}
      </FormField>
      <FormField label='现场签到' name='allowWalkIns'>
        <ChoiceChips id='event-walk-ins' options={[{ value: WALK_IN, label: '允许没报名的人现场签到' }]} value={walkIns} onChange={setWalkIns} />
      </FormField>
      <FormField label='岗位和名额' name='roles' hint='技能用顿号隔开，例如：摄影、急救' error={errors['event.roles']}>
        {roles.map((role, i) => (
          <View key={role.key} className='event-form__role' data-role-index={i}>
            <Input className='event-input role-name' value={role.name} maxlength={20} placeholder='岗位' onInput={(e) => setRole(i, { name: e.detail.value })} />
            <Input className='event-input role-places' type='number' value={role.places} onInput={(e) => setRole(i, { places: e.detail.value })} />
            <Input className='event-input role-skills' value={role.skills} placeholder='需要的技能' onInput={(e) => setRole(i, { skills: e.detail.value })} />
          </View>
        ))}
        {Object.entries(errors)
          .filter(([path]) => path.startsWith('event.roles.'))
          .map(([path, message]) => (
            <Text key={path} className='inline-error'>
              {message}
            </Text>
          ))}
        <Button className='btn-add-role' type='default' size='large' block onClick={addRole}>
          再加一个岗位
        </Button>
      </FormField>
      {timeError ? (
        <View className='inline-error event-time-error' role='alert'>
          {timeError}
        </View>
      ) : null}
      <View className='event-form__actions'>
        <Button className='btn-save-event' type='primary' size='large' block loading={submitting} disabled={submitting} onClick={submit}>
          {event ? '保存修改' : '发布活动'}
        </Button>
      </View>
    </View>
  );
}
