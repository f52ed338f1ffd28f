import { useState } from 'react';
import { Image, Input, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { ChoiceChips } from '@/components/ChoiceChips';
import { errorText } from '@/services/cloud';
import { PendingImage } from '@/components/ImageReview';
import { imageSrc, pickImages } from '@/services/upload';
import { DateTimeField } from '@/components/DateTimeField';
import { FormField } from '@/components/FormField';
import type { EventInput } from '@shared/actions/events';
import { AUDIENCE_LABELS, EVENT_TYPES, type EventType, type EventView } from '@shared/domain/event';
import { tomorrowAt } from '@shared/time';
import { useCouncilOptions } from '../hooks';

interface RoleDraft {
  key: string;
  name: string;
  places: string;
  skills: string;
}

const AUDIENCE_OPTIONS = (['community', 'members', 'council'] as const).map((value) => ({ value, label: AUDIENCE_LABELS[value] }));
const WALK_IN = 'walkIns';

export interface EventFormProps {
  event?: EventView;
  submitting: boolean;
  /** Messages under each field, by field name (`title`, `endAt`, `roles`…). */
  errors: Record<string, string>;
  onSubmit: (input: EventInput) => void;
  /** A field was edited (its old message can go). */
  onEdit?: (field: string) => void;
}

/** The organizer's form: what, when, where, who may join, and the roles with their places and wanted skills. */
export function EventForm({ event, submitting, errors, onSubmit, onEdit }: EventFormProps) {
  const [title, setTitle] = useState(event?.title ?? '');
  const [type, setType] = useState<EventType>(event?.type ?? '公益课堂');
  const [place, setPlace] = useState(event?.place ?? '');
  const [description, setDescription] = useState(event?.description ?? '');
  const [cover, setCover] = useState(event?.pendingImages[0] ?? event?.cover ?? '');
  const [coverError, setCoverError] = useState<string | null>(null);
  const [startAt, setStartAt] = useState(event?.startAt ?? tomorrowAt('09:00'));
  const [endAt, setEndAt] = useState(event?.endAt ?? tomorrowAt('11:00'));
  const [closesAt, setClosesAt] = useState(event?.signupClosesAt ?? tomorrowAt('08:00'));
  // No event is set in the past (an event already under way keeps its start).
  const [now] = useState(() => new Date().toISOString());
  const earliest = event && event.startAt < now ? event.startAt : now;
  const [audience, setAudience] = useState<string>(event?.audience.kind ?? 'community');
  const [audienceCouncil, setAudienceCouncil] = useState<string>(event?.audience.councilId ?? '');
  const councils = useCouncilOptions(audience === 'council');
  const [walkIns, setWalkIns] = useState<string[]>(event?.allowWalkIns ? [WALK_IN] : []);
  const [roles, setRoles] = useState<RoleDraft[]>(
    event?.roles.map((r) => ({ key: r.key, name: r.name, places: String(r.places), skills: r.skills.join('、') })) ?? [{ key: 'r1', name: '志愿者', places: '10', skills: '' }],
  );

  const edit =
    <T,>(field: string, set: (value: T) => void) =>
    (value: T) => {
      set(value);
      if (errors[field]) onEdit?.(field);
    };
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
    onSubmit({
      title,
      description,
      type,
      place,
      cover,
      startAt,
      endAt,
      audience: audience === 'council' ? { kind: 'council', councilId: audienceCouncil } : { kind: audience as 'community' | 'members' },
      signupOpensAt: event?.signupOpensAt ?? new Date().toISOString(),
      signupClosesAt: closesAt,
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
      <FormField label='活动名称' name='title' error={errors.title}>
        <Input id='event-title' className='event-input' value={title} maxlength={30} placeholder='例如：楼道绿化养护' onInput={(e) => setTitle(e.detail.value)} />
      </FormField>
      <FormField label='活动类型' name='type' error={errors.type}>
        <ChoiceChips id='event-type' single options={EVENT_TYPES} value={[type]} onChange={(v) => setType(v[0] as EventType)} />
      </FormField>
      <FormField label='地点' name='place' error={errors.place}>
        <Input id='event-place' className='event-input' value={place} maxlength={40} placeholder='例如：居委会活动室' onInput={(e) => setPlace(e.detail.value)} />
      </FormField>
      <FormField label='封面图片' name='cover' optional error={errors.cover ?? coverError ?? undefined}>
        {cover && event?.pendingImages.includes(cover) ? (
          <PendingImage className='event-cover event-form__cover' src={imageSrc(cover)} />
        ) : cover ? (
          <Image className='event-cover event-form__cover' src={imageSrc(cover)} mode='aspectFill' />
        ) : null}
        <Button className='btn-event-cover' type='default' size='large' block onClick={() => void chooseCover()}>
          {cover ? '换一张封面' : '选一张封面图片'}
        </Button>
      </FormField>
      <FormField label='活动介绍' name='description' optional error={errors.description}>
        <Textarea id='event-description' className='event-input' value={description} maxlength={500} onInput={(e) => setDescription(e.detail.value)} />
      </FormField>
      <FormField label='开始时间' name='startAt' hint='点日期或时间来改' error={errors.startAt}>
        <DateTimeField id='event-start' value={startAt} min={earliest} onChange={edit('startAt', setStartAt)} />
      </FormField>
      <FormField label='结束时间' name='endAt' error={errors.endAt}>
        <DateTimeField id='event-end' value={endAt} min={earliest} onChange={edit('endAt', setEndAt)} />
      </FormField>
      <FormField label='报名截止' name='signupClosesAt' error={errors.signupClosesAt}>
        <DateTimeField id='event-closes' value={closesAt} max={endAt} onChange={edit('signupClosesAt', setClosesAt)} />
      </FormField>
      <FormField label='谁可以报名' name='audience' error={errors.audience}>
        <ChoiceChips id='event-audience' single options={AUDIENCE_OPTIONS} value={[audience]} onChange={(v) => setAudience(v[0]!)} />
        {audience === 'council' ? (
          <ChoiceChips id='event-audience-council' single options={councils} value={audienceCouncil ? [audienceCouncil] : []} onChange={(v) => setAudienceCouncil(v[0] ?? '')} />
        ) : null}
      </FormField>
      <FormField label='现场签到' name='allowWalkIns'>
        <ChoiceChips id='event-walk-ins' options={[{ value: WALK_IN, label: '允许没报名的人现场签到' }]} value={walkIns} onChange={setWalkIns} />
      </FormField>
      <FormField label='岗位和名额' name='roles' hint='技能用顿号隔开，例如：摄影、急救' error={errors.roles}>
        {roles.map((role, i) => (
          <View key={role.key} className='event-form__role' data-role-index={i}>
            <Input className='event-input role-name' value={role.name} maxlength={20} placeholder='岗位' onInput={(e) => setRole(i, { name: e.detail.value })} />
            <Input className='event-input role-places' type='number' value={role.places} onInput={(e) => setRole(i, { places: e.detail.value })} />
            <Input className='event-input role-skills' value={role.skills} placeholder='需要的技能' onInput={(e) => setRole(i, { skills: e.detail.value })} />
          </View>
        ))}
        <Button className='btn-add-role' type='default' size='large' block onClick={addRole}>
          再加一个岗位
        </Button>
      </FormField>
      <View className='event-form__actions'>
        <Button className='btn-save-event' type='primary' size='large' block loading={submitting} disabled={submitting} onClick={submit}>
          {event ? '保存修改' : '发布活动'}
        </Button>
      </View>
    </View>
  );
}
