import { Text, View } from '@tarojs/components';
import { ChoiceChips } from '@/components/ChoiceChips';
import type { NoticeTarget, NoticeTargetKind, NoticeTargetOptions } from '@shared/domain/notices';

const KIND_LABELS: Record<NoticeTargetKind, string> = { community: '整个居民区', grids: '微格', council: '分会', colour: '分色人群' };

/** The kinds this writer may use, in a fixed order. */
function kindsOf(options: NoticeTargetOptions): NoticeTargetKind[] {
  return (
    [
      ['community', options.community],
      ['grids', options.grids.length > 0],
      ['council', options.councils.length > 0],
      ['colour', options.colours.length > 0 && (options.colourWholeCommunity || options.colourGridIds.length > 0)],
    ] as const
  )
    .filter(([, allowed]) => allowed)
    .map(([kind]) => kind);
}

/** A target to start from: the first kind the writer may use. */
export function defaultTarget(options: NoticeTargetOptions): NoticeTarget | null {
  return targetOfKind(kindsOf(options)[0], options);
}

function targetOfKind(kind: NoticeTargetKind | undefined, options: NoticeTargetOptions): NoticeTarget | null {
  switch (kind) {
    case 'community':
      return { kind };
    case 'grids':
      return { kind, gridIds: options.grids.length === 1 ? [options.grids[0]!.id] : [] };
    case 'council':
      return { kind, councilId: options.councils[0]!.id };
    case 'colour':
      return { kind, colour: options.colours[0]!.colour, gridIds: options.colourWholeCommunity ? [] : options.colourGridIds };
    default:
      return null;
  }
}

/** Who a notice goes to: only what the writer may address (the function checks it again). */
export function TargetPicker({ options, value, onChange }: { options: NoticeTargetOptions; value: NoticeTarget; onChange: (t: NoticeTarget) => void }) {
  const kinds = kindsOf(options);
  const gridOptions = options.grids.map((g) => ({ value: g.id, label: g.name }));
  return (
    <View className='notice-target'>
      <ChoiceChips
        id='notice-target-kind'
        single
        options={kinds.map((k) => ({ value: k, label: KIND_LABELS[k] }))}
        value={[value.kind]}
        onChange={(v) => onChange(targetOfKind(v[0] as NoticeTargetKind, options) ?? value)}
      />
      {value.kind === 'grids' ? (
        <ChoiceChips id='notice-target-grids' options={gridOptions} value={value.gridIds} onChange={(gridIds) => onChange({ ...value, gridIds })} />
      ) : null}
      {value.kind === 'council' ? (
        <ChoiceChips
          id='notice-target-council'
          single
          options={options.councils.map((c) => ({ value: c.id, label: c.name }))}
          value={[value.councilId]}
          onChange={(v) => onChange({ ...value, councilId: v[0]! })}
        />
      ) : null}
      {value.kind === 'colour' ? (
        <>
          <ChoiceChips
            id='notice-target-colour'
            single
            options={options.colours.map((c) => ({ value: c.colour, label: c.label }))}
            value={[value.colour]}
            onChange={(v) => onChange({ ...value, colour: v[0] as typeof value.colour })}
          />
          {options.colourWholeCommunity ? (
            <Text className='form-field__hint'>不选微格就是整个居民区。</Text>
          ) : null}
          <ChoiceChips
            id='notice-target-colour-grids'
            options={gridOptions.filter((g) => options.colourWholeCommunity || options.colourGridIds.includes(g.value))}
            value={value.gridIds}
            onChange={(gridIds) => onChange({ ...value, gridIds })}
          />
        </>
      ) : null}
    </View>
  );
}
