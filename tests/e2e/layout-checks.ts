/**
 * The layout rules of issue 13, measured in the browser on the page as it is shown: horizontal scroll, text cut off
 * (by its box or by the screen's edge), overlapping text, placeholders that do not fit, tap targets under 44 px (48 in
 * the elder-friendly mode) and, in that mode, text under 18 px.
 *
 * `measureLayout` runs inside the page (`page.evaluate(measureLayout, mode)`): it is serialized on its own, so it
 * uses nothing from outside its body. tests/e2e/layout-checks.test.ts runs it against small broken pages, so a rule
 * that can never fail is caught.
 */

export type LayoutMode = 'normal' | 'elder';

export function measureLayout(mode: LayoutMode): string[] {
  const minTap = mode === 'elder' ? 48 : 44;
  const minText = 18;
  const found: string[] = [];
  const label = (el: Element) =>
    `<${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? ` .${el.className.trim().split(/\s+/).join('.')}` : ''}> "${(el.textContent ?? '').trim().slice(0, 30)}"`;
  const visible = (el: Element) => {
    const r = el.getBoundingClientRect();
    const s = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none' && Number(s.opacity) > 0;
  };
  // Taro H5's chrome: the navigation bar on top and the tab bar (a fixed overlay the page scrolls under; its padding
  // keeps content clear). Both are checked for tap targets and type size, not for overlap with the page.
  const CHROME = '#taro-navigation-bar, taro-tabbar, .weui-tabbar';
  const inChrome = (el: Element) => el.closest(CHROME) !== null;
  const ownText = (el: Element) =>
    Array.from(el.childNodes)
      .filter((n) => n.nodeType === Node.TEXT_NODE)
      .map((n) => n.textContent ?? '')
      .join('')
      .trim();

  const doc = document.documentElement;
  if (doc.scrollWidth > window.innerWidth) found.push(`horizontal scroll: page ${doc.scrollWidth} px wide > ${window.innerWidth}`);

  const all = Array.from(document.querySelectorAll('body *')).filter(visible);
  // Text drawn by the element itself (a text node child), or by CSS content (the navigation bar's 返回).
  const leafText = all.filter((el) => ownText(el) !== '');

  for (const el of all) {
    if (!(el.textContent ?? '').trim() || el.closest('#taro-navigation-bar .taro-navigation-bar-title')) continue;
    const s = getComputedStyle(el);
    const clipsX = ['hidden', 'clip'].includes(s.overflowX) || s.textOverflow === 'ellipsis';
    const clipsY = ['hidden', 'clip'].includes(s.overflowY) || s.webkitLineClamp !== 'none';
    if (clipsX && el.scrollWidth > el.clientWidth + 1) found.push(`text cut off: ${label(el)} needs ${el.scrollWidth} px wide, has ${el.clientWidth}`);
    else if (clipsY && el.scrollHeight > el.clientHeight + 1) found.push(`text cut off: ${label(el)} needs ${el.scrollHeight} px high, has ${el.clientHeight}`);
  }
  for (const el of leafText) {
    const r = el.getBoundingClientRect();
    if (r.left < -1 || r.right > window.innerWidth + 1) found.push(`text off screen: ${label(el)} spans ${Math.round(r.left)}..${Math.round(r.right)} px`);
  }

  for (const input of Array.from(document.querySelectorAll('input[placeholder]')).filter(visible) as HTMLInputElement[]) {
    if (input.value || !input.placeholder) continue;
    const s = getComputedStyle(input);
    const ctx = document.createElement('canvas').getContext('2d')!;
    ctx.font = `${s.fontSize} ${s.fontFamily}`;
    const need = ctx.measureText(input.placeholder).width;
    const has = input.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight);
    if (need > has + 1) found.push(`placeholder cut: "${input.placeholder}" needs ${Math.ceil(need)} px, has ${Math.floor(has)}`);
  }

  const rects = leafText.filter((el) => !inChrome(el)).map((el) => ({ el, r: el.getBoundingClientRect() }));
  for (let i = 0; i < rects.length; i++) {
    for (let j = i + 1; j < rects.length; j++) {
      const a = rects[i]!;
      const b = rects[j]!;
      if (a.el.contains(b.el) || b.el.contains(a.el)) continue;
      const w = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
      const h = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
      if (w > 2 && h > 2) found.push(`overlapping text: ${label(a.el)} and ${label(b.el)}`);
    }
  }

  const tappable = all.filter((el) => {
    const tag = el.tagName.toLowerCase();
    if (['button', 'a', 'select', 'textarea', 'taro-button-core'].includes(tag) || el.getAttribute('role') === 'button') return true;
    if (tag === 'input' && !['hidden'].includes((el as HTMLInputElement).type)) return true;
    if (el.classList.contains('nut-button')) return true;
    // A custom target: the outermost element showing the pointer.
    return getComputedStyle(el).cursor === 'pointer' && (!el.parentElement || getComputedStyle(el.parentElement).cursor !== 'pointer');
  });
  for (const el of tappable) {
    // A target inside a larger target (a button's inner label) is the larger one's.
    const outer = el.parentElement?.closest('button, a, taro-button-core, .nut-button, [role="button"]');
    if (outer && tappable.includes(outer)) continue;
    const r = el.getBoundingClientRect();
    if (r.width < minTap - 0.5 || r.height < minTap - 0.5) found.push(`tap target under ${minTap} px: ${label(el)} is ${Math.round(r.width)}x${Math.round(r.height)}`);
  }

  if (mode === 'elder') {
    for (const el of leafText) {
      const size = parseFloat(getComputedStyle(el).fontSize);
      if (size < minText - 0.5) found.push(`text under ${minText} px: ${label(el)} is ${size.toFixed(1)} px`);
    }
    // Words drawn by CSS (the navigation bar's 返回 and 首页).
    for (const el of all) {
      const after = getComputedStyle(el, '::after');
      if (after.content && after.content !== 'none' && after.content !== 'normal' && /[^\s"']/.test(after.content)) {
        const size = parseFloat(after.fontSize);
        if (size < minText - 0.5) found.push(`text under ${minText} px: ${label(el)}::after ${after.content} is ${size.toFixed(1)} px`);
      }
    }
  }
  return Array.from(new Set(found));
}

export interface LayoutFigures {
  /** The size of most of the page's words (CSS px, weighted by characters), outside the title and tab bars. */
  bodyText: number;
  /** The smallest text size on the page, outside the title and tab bars. */
  smallestText: number;
  /** The smaller side of the smallest tap target, the bars included. */
  smallestTarget: number;
}

/** Figures of the page as shown, for the elder mode's 1.3x rule and the report; runs in the page like measureLayout. */
export function layoutFigures(): LayoutFigures {
  const visible = (el: Element) => {
    const r = el.getBoundingClientRect();
    const s = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none' && Number(s.opacity) > 0;
  };
  const all = Array.from(document.querySelectorAll('body *')).filter(visible);
  const chars = new Map<number, number>();
  for (const el of all) {
    if (el.closest('#taro-navigation-bar, taro-tabbar, .weui-tabbar')) continue;
    const own = Array.from(el.childNodes)
      .filter((n) => n.nodeType === Node.TEXT_NODE)
      .map((n) => n.textContent ?? '')
      .join('')
      .replace(/\s+/g, '');
    if (!own) continue;
    const size = Math.round(parseFloat(getComputedStyle(el).fontSize) * 10) / 10;
    chars.set(size, (chars.get(size) ?? 0) + own.length);
  }
  const sizes = Array.from(chars.entries());
  const targets = all.filter((el) => {
    const tag = el.tagName.toLowerCase();
    if (['button', 'a', 'select', 'textarea', 'taro-button-core', 'input'].includes(tag) || el.getAttribute('role') === 'button') return true;
    if (el.classList.contains('nut-button')) return true;
    return getComputedStyle(el).cursor === 'pointer' && (!el.parentElement || getComputedStyle(el.parentElement).cursor !== 'pointer');
  });
  const outermost = targets.filter((el) => {
    const outer = el.parentElement?.closest('button, a, taro-button-core, .nut-button, [role="button"]');
    return !(outer && targets.includes(outer));
  });
  return {
    bodyText: sizes.length ? sizes.reduce((a, b) => (b[1] > a[1] ? b : a))[0] : 0,
    smallestText: sizes.length ? Math.min(...sizes.map(([s]) => s)) : 0,
    smallestTarget: outermost.length ? Math.round(Math.min(...outermost.map((el) => Math.min(el.getBoundingClientRect().width, el.getBoundingClientRect().height))) * 10) / 10 : 0,
  };
}
