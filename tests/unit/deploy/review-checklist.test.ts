import { readFileSync } from 'fs';
import { BEGIN, END, pages, privacyPages, README, renderChecklist, TEXT_NEVER_SHOWN_TO_OTHERS, ugcCoverage, withChecklist } from '../../../scripts/review-checklist';

/**
 * Text shown to other people that no content check covers yet: none since issue 12 closed the last five; keep it
 * empty. A new action with unchecked user text fails the test below instead of joining this list quietly.
 */
const KNOWN_TEXT_GAPS: string[] = [];

/** Images not yet checked: none since shop and honours photos joined the image check (issue 12); keep it empty. */
const KNOWN_IMAGE_GAPS: string[] = [];

describe('the review checklist in deploy/README.md', () => {
  it('is up to date with the code (regenerate: npx tsx scripts/review-checklist.ts)', () => {
    const readme = readFileSync(README, 'utf8');
    expect(readme).toContain(BEGIN);
    expect(readme).toContain(END);
    expect(readme).toBe(withChecklist(readme, renderChecklist()));
  });

  it('replaces only its own section, or appends it at the end', () => {
    expect(withChecklist('# Deploy\n\ntext\n', 'S')).toBe(`# Deploy\n\ntext\n\n${BEGIN}\nS\n${END}\n`);
    expect(withChecklist(`a\n${BEGIN}\nold\n${END}\nb\n`, 'new')).toBe(`a\n${BEGIN}\nnew\n${END}\nb\n`);
  });
});

describe('user-generated content', () => {
  const rows = ugcCoverage();

  it('every action with user text shown to others calls the content check', () => {
    const unchecked = rows.filter((r) => r.text.length && !r.textChecked && !r.allowed).map((r) => r.action);
    expect(unchecked.filter((a) => !KNOWN_TEXT_GAPS.includes(a))).toEqual([]);
  });

  it('the allow-list and the known gaps name real actions that still need them', () => {
    const byAction = new Map(rows.map((r) => [r.action, r]));
    for (const action of Object.keys(TEXT_NEVER_SHOWN_TO_OTHERS)) expect([action, byAction.get(action as never)?.text.length]).toEqual([action, expect.any(Number)]);
    // A gap closed (the check added) must leave the list, so the list stays the truth.
    for (const action of KNOWN_TEXT_GAPS) expect([action, byAction.get(action as never)?.textChecked]).toEqual([action, false]);
  });

  it('images: no action takes a new image without the image check', () => {
    const unchecked = rows.filter((r) => r.images.length && !r.imagesChecked).map((r) => r.action);
    expect(unchecked.filter((a) => !KNOWN_IMAGE_GAPS.includes(a))).toEqual([]);
  });

  it('sees the checks the services make (a sample of known coverage)', () => {
    const checked = new Set(rows.filter((r) => r.textChecked).map((r) => r.action));
    for (const a of ['notices.create', 'events.create', 'cabin.offerDonation', 'members.updateProfile', 'grids.createGrid', 'honours.award']) expect(checked).toContain(a);
  });
});

describe('privacy interfaces', () => {
  it('finds the pages that reach one through their components and services', () => {
    const found = new Map(privacyPages().map((p) => [p.page, p.apis.map((a) => a.api)]));
    expect(found.get('packages/checkin/pages/scan/index')).toContain('scanCode');
    expect(found.get('packages/cabin/pages/donate/index')).toContain('chooseImage');
    expect(found.get('packages/honours/pages/certificate/index')).toContain('saveImageToPhotosAlbum');
    expect(found.has('pages/home/index')).toBe(false);
    for (const page of found.keys()) expect(pages()).toContain(page);
  });
});
