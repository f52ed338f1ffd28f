import type { WriteOp } from '../../../emulator/store';
import type { Harness } from '../../support/harness';

/**
 * A fault in the emulator's store, for these tests only: the first commit that `when` picks (every write outside a
 * transaction and every transaction's commit is one) fails with nothing written ('fail'), or is written and then
 * answered with an error, so the call never learns it landed and its code after that point runs as on a crash
 * ('crash'). It fires once and then takes itself away.
 */
export function faultOnce(h: Harness, mode: 'fail' | 'crash', when: (ops: readonly WriteOp[], n: number) => boolean): { readonly fired: boolean; restore(): void } {
  const store = h.store;
  const original = store.commit.bind(store);
  let n = 0;
  let fired = false;
  const restore = () => {
    store.commit = original;
  };
  store.commit = (ops: readonly WriteOp[]) => {
    if (ops.length === 0) return original(ops);
    n += 1;
    if (fired || !when(ops, n)) return original(ops);
    fired = true;
    restore();
    if (mode === 'crash') original(ops);
    throw new Error(`injected ${mode} at write ${n}`);
  };
  return {
    get fired() {
      return fired;
    },
    restore,
  };
}

/** The n-th write from now. */
export const nth = (k: number) => (_ops: readonly WriteOp[], n: number) => n === k;

/** The first write touching a collection. */
export const touching = (coll: string) => (ops: readonly WriteOp[]) => ops.some((op) => op.coll === coll);
