import { useRef } from 'react';
import { newRequestId } from '@/services/request-id';

/**
 * Request ids for taps, one per thing tapped (`key`: a hold, a loan, a donation, an item), kept until that tap
 * succeeded: a tap repeated after an error or a lost answer is the same request, so the function finishes what the
 * first one left (its message is sent once, at once); the next tap after a success is a new request.
 */
export function useTapIds(): { idFor: (key: string) => string; done: (key: string) => void } {
  const ids = useRef(new Map<string, string>());
  return {
    idFor: (key) => {
      let id = ids.current.get(key);
      if (!id) {
        id = newRequestId();
        ids.current.set(key, id);
      }
      return id;
    },
    done: (key) => {
      ids.current.delete(key);
    },
  };
}
