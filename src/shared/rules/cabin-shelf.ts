import type { ItemKind, OpenState, ShelfState } from '../domain/cabin';

/**
 * What a resident can do with an item on the shelf, given whether its section is open: the one rule the item
 * cards, the item page and the cabin function share, so "现在可借" is shown only when borrowing works.
 */

/** 明天 9:00 开门 -> 明天 9:00 开门后. */
const afterOpening = (open: OpenState): string => `${open.label}后`;

const VERB: Record<ItemKind, string> = { loanable: '借', consumable: '领', sale: '买', reading: '看' };

/**
 * `onShelf` is the item's own state for the caller (on the shelf, in stock, or held for them); `open` is its
 * section's hours now. A loanable can be reserved while closed (the hold runs from the opening); the rest wait.
 */
export function shelfState(kind: ItemKind, onShelf: boolean, open: OpenState): ShelfState {
  if (!onShelf) return { chance: 'none', label: '' };
  if (open.open) return { chance: 'now', label: `现在可${VERB[kind]}` };
  if (!open.opensAt) return { chance: 'later', label: open.label };
  if (kind === 'loanable') return { chance: 'reserve', label: `可预约，${afterOpening(open)}来取` };
  return { chance: 'later', label: `${afterOpening(open)}可${VERB[kind]}` };
}

/**
 * 只看现在可借: the caller can borrow or take it this minute (shelfState's 'now'): on the shelf for them and its
 * section open. The cabin home's toggle asks the function for exactly these, so the list and the cards agree.
 */
export function borrowableNow(kind: ItemKind, onShelf: boolean, open: OpenState): boolean {
  return shelfState(kind, onShelf, open).chance === 'now';
}

/** The refusal of a borrow or take at a closed cabin: the fields name the next opening for the page to show. */
export function closedRefusal(open: OpenState): { code: 'CABIN.CLOSED'; fields: { opening: string } } | null {
  return open.open ? null : { code: 'CABIN.CLOSED', fields: { opening: open.label } };
}
