import { COLLECTIONS } from '../_core/collections';
import type { Tx } from '../_core/transaction';
import type { BorrowerDoc, HoldDoc, ItemDoc, LoanDoc, LogDoc } from './cabin.model';

/**
 * Single-document steps inside a transaction (the service allows nothing else there: no queries, no counts). A
 * transaction's reads are one snapshot and its writes commit together, so what these write lands all at once or
 * not at all: the cabin's counters (waiting, stock, open loans) move in the same commit as the records they count.
 */

export type { Tx };

async function get<T>(tx: Tx, collection: string, id: string): Promise<T | null> {
  const res = await tx.collection(collection).doc(id).get();
  return ((res.data as T | null | undefined) ?? null) as T | null;
}

/** Writes a whole document under its id (a new one, or over the old one). */
async function put<T extends { _id: string }>(tx: Tx, collection: string, doc: T): Promise<void> {
  const { _id, ...fields } = doc;
  await tx.collection(collection).doc(_id).set(fields);
}

async function patch(tx: Tx, collection: string, id: string, fields: Record<string, unknown>): Promise<void> {
  await tx.collection(collection).doc(id).update(fields);
}

export const item = (tx: Tx, id: string) => get<ItemDoc>(tx, COLLECTIONS.cabinItems, id);
export const patchItem = (tx: Tx, id: string, fields: Record<string, unknown>) => patch(tx, COLLECTIONS.cabinItems, id, fields);

export const hold = (tx: Tx, id: string) => get<HoldDoc>(tx, COLLECTIONS.cabinHolds, id);
export const putHold = (tx: Tx, doc: HoldDoc) => put(tx, COLLECTIONS.cabinHolds, doc);
export const patchHold = (tx: Tx, id: string, fields: Record<string, unknown>) => patch(tx, COLLECTIONS.cabinHolds, id, fields);

export const loan = (tx: Tx, id: string) => get<LoanDoc>(tx, COLLECTIONS.cabinLoans, id);
export const putLoan = (tx: Tx, doc: LoanDoc) => put(tx, COLLECTIONS.cabinLoans, doc);
export const patchLoan = (tx: Tx, id: string, fields: Record<string, unknown>) => patch(tx, COLLECTIONS.cabinLoans, id, fields);

export const borrower = (tx: Tx, id: string) => get<BorrowerDoc>(tx, COLLECTIONS.cabinBorrowers, id);
export const putBorrower = (tx: Tx, doc: BorrowerDoc) => put(tx, COLLECTIONS.cabinBorrowers, doc);

export const log = (tx: Tx, id: string) => get<LogDoc>(tx, COLLECTIONS.cabinLog, id);
/**
 * Adds a record under its deterministic id without reading it first: one that is there already (a retry or racing
 * copy of the same request committed it) makes the add fail as a duplicate (isDuplicateWrite), and the transaction
 * with it; a copy committing it after this snapshot conflicts at commit.
 */
export async function addLog(tx: Tx, doc: LogDoc): Promise<void> {
  await tx.collection(COLLECTIONS.cabinLog).add(doc);
}
export async function addLoan(tx: Tx, doc: LoanDoc): Promise<void> {
  await tx.collection(COLLECTIONS.cabinLoans).add(doc);
}
/** A history line under its deterministic id: written again by a retry, it is the same line. */
export const putLog = (tx: Tx, doc: LogDoc) => put(tx, COLLECTIONS.cabinLog, doc);

export function at<T>(tx: Tx, collection: keyof typeof COLLECTIONS, id: string): Promise<T | null> {
  return get<T>(tx, COLLECTIONS[collection], id);
}

export function putIn<T extends { _id: string }>(tx: Tx, collection: keyof typeof COLLECTIONS, doc: T): Promise<void> {
  return put(tx, COLLECTIONS[collection], doc);
}

export function patchIn(tx: Tx, collection: keyof typeof COLLECTIONS, id: string, fields: Record<string, unknown>): Promise<void> {
  return patch(tx, COLLECTIONS[collection], id, fields);
}
