import { useEffect, useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';

/**
 * The elder-friendly mode (适老化): larger type, stronger contrast, bigger tap targets and a simple home.
 * Remembered on the device; every page's PageShell reads it, the switch lives on 我的.
 */
const MODE_KEY = 'txtd.elderMode';
/** Set once the mode has been offered (to residents 60+), so the offer is never repeated. */
const OFFERED_KEY = 'txtd.elderModeOffered';

type Listener = (on: boolean) => void;
const listeners = new Set<Listener>();

function read(key: string): string {
  try {
    return String(Taro.getStorageSync(key) ?? '');
  } catch {
    return '';
  }
}

function write(key: string, value: string): void {
  try {
    Taro.setStorageSync(key, value);
  } catch {
    // Storage full or unavailable: the mode still applies for this session through the listeners.
  }
}

export function isElderMode(): boolean {
  return read(MODE_KEY) === 'on';
}

export function setElderMode(on: boolean): void {
  write(MODE_KEY, on ? 'on' : 'off');
  write(OFFERED_KEY, '1');
  for (const l of listeners) l(on);
}

export function elderModeOffered(): boolean {
  return read(OFFERED_KEY) === '1';
}

export function markElderModeOffered(): void {
  write(OFFERED_KEY, '1');
}

/** The current mode, kept in step with the switch on any page and re-read when a page is shown again. */
export function useElderMode(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(isElderMode);
  useDidShow(() => setOn(isElderMode()));
  useEffect(() => {
    listeners.add(setOn);
    return () => {
      listeners.delete(setOn);
    };
  }, []);
  return [on, setElderMode];
}
