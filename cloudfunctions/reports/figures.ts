// replaced by w16-figures
import { AppError } from '../_core/errors';
import type { In, Out } from './reports.types';

/** The committee's month figures (w16-figures writes them). */
export async function figures(_input: In<'figures'>): Out<'figures'> {
  throw new AppError('COMMON.FORBIDDEN');
}

/** The month's reports as CSV (w16-figures writes it). */
export async function exportCsv(_input: In<'exportCsv'>): Out<'exportCsv'> {
  throw new AppError('COMMON.FORBIDDEN');
}

/** The 街道's figures per 居民区 (w16-figures writes them). */
export async function street(_input: In<'street'>): Out<'street'> {
  throw new AppError('COMMON.FORBIDDEN');
}
