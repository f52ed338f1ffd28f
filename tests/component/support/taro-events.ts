import { fireEvent } from '@testing-library/react';

/** Types into a Taro Input/Textarea the way the H5 components report it (a CustomEvent with `detail.value`). */
export function typeInto(id: string, value: string): void {
  const el = document.getElementById(id);
  if (!el) throw new Error(`no element #${id}`);
  fireEvent(el, new CustomEvent('input', { detail: { value }, bubbles: true }));
}

/** Clicks the element with this class (NutUI buttons are clicked by class, notes/taro.md). */
export function clickByClass(className: string, index = 0): void {
  const all = document.getElementsByClassName(className);
  const el = all[index];
  if (!el) throw new Error(`no element .${className} (#${index}; ${all.length} found)`);
  fireEvent.click(el);
}

export function byClass(className: string): Element[] {
  return Array.from(document.getElementsByClassName(className));
}
