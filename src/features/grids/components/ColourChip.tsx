import { Text } from '@tarojs/components';
import { GRID_COLOUR_LABELS, GRID_COLOUR_MEANINGS, type GridColour } from '@shared/domain/grid';
import '@/components/pill.scss';
import './ColourChip.scss';

/** A resident's 微格分色, with its meaning in words (colour never carries the meaning alone). */
export function ColourChip({ colour, compact }: { colour: GridColour | null; compact?: boolean }) {
  if (!colour) return <Text className='pill colour-chip colour-chip--none'>未分色</Text>;
  return (
    <Text className={`pill colour-chip colour-chip--${colour}`} data-colour={colour}>
      {compact ? GRID_COLOUR_LABELS[colour] : `${GRID_COLOUR_LABELS[colour]} · ${GRID_COLOUR_MEANINGS[colour]}`}
    </Text>
  );
}
