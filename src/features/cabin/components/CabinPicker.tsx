import { ChoiceChips } from '@/components/ChoiceChips';
import type { CabinSummaryView } from '@shared/domain/cabin';

/** Chips to choose one of the 居民区's cabins; nothing to choose when there is only one. */
export function CabinPicker({ cabins, value, onChange }: { cabins: CabinSummaryView[]; value: string | null; onChange: (id: string) => void }) {
  if (cabins.length < 2) return null;
  return (
    <ChoiceChips
      id='cabin'
      single
      options={cabins.map((c) => ({ value: c.id, label: c.name }))}
      value={value ? [value] : []}
      onChange={(next) => onChange(next[0]!)}
    />
  );
}
