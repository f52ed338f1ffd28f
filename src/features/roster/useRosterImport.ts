import { useCallback, useRef, useState } from 'react';
import type { RosterImportResult, RosterReport } from '@shared/domain/roster';
import { ERRORS } from '@shared/errors';
import { checkRoster } from '@shared/rules/roster-csv';
import { newRequestId } from '@/services/request-id';
import { rosterApi, rosterErrorText, sourceOf, type RosterSource } from './api';

export type RosterBusy = 'preview' | 'commit' | null;

/**
 * The import page's state: the CSV text, the server's report of it, and the import's result. The text is
 * checked locally first (header, quotes, row count) so an obviously wrong paste costs no upload; the function
 * then checks every row against the 居民区's grids and records, and checks again when importing.
 */
export function useRosterImport() {
  const [csv, setCsvState] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const [report, setReport] = useState<RosterReport | null>(null);
  const [result, setResult] = useState<RosterImportResult | null>(null);
  const [busy, setBusy] = useState<RosterBusy>(null);
  const [error, setError] = useState<string | null>(null);
  // The uploaded file of this text, so preview and import read the same file and it is uploaded once.
  const source = useRef<RosterSource | null>(null);
  // One per import of this text: a retried 导入 (after a lost answer) completes the same import, logged once.
  const requestId = useRef(newRequestId());

  const setCsv = useCallback((text: string, name: string | null = null) => {
    setCsvState(text);
    setFileName(name);
    setReport(null);
    setResult(null);
    setError(null);
    source.current = null;
    requestId.current = newRequestId();
  }, []);

  const check = useCallback(async () => {
    setError(null);
    setResult(null);
    if (csv.includes('\ufffd')) {
      setError(ERRORS['ROSTER.NOT_UTF8']);
      return;
    }
    const local = checkRoster(csv, null);
    if (!local.ok) {
      setError(`${ERRORS[local.code]}（${local.detail}）`);
      return;
    }
    setBusy('preview');
    try {
      source.current ??= await sourceOf(csv);
      setReport(await rosterApi.preview(source.current));
    } catch (err) {
      setReport(null);
      setError(rosterErrorText(err));
    } finally {
      setBusy(null);
    }
  }, [csv]);

  const importRows = useCallback(
    async (onlyGoodRows: boolean) => {
      if (!source.current) return;
      setError(null);
      setBusy('commit');
      try {
        const done = await rosterApi.commit(source.current, onlyGoodRows, requestId.current);
        requestId.current = newRequestId();
        setResult(done);
        setReport(null);
      } catch (err) {
        setError(rosterErrorText(err));
      } finally {
        setBusy(null);
      }
    },
    [],
  );

  return { csv, fileName, setCsv, report, result, busy, error, check, importRows };
}
