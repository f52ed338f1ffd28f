import { useState } from 'react';
import Taro from '@tarojs/taro';
import type * as v from 'valibot';
import { useTapIds } from '@/features/cabin/tap-ids';
import { useFormErrors } from '@/hooks/useFormErrors';
import { CloudCallError } from '@/services/cloud';
import { schemaIssues } from '@shared/field-issues';
import type { ReportView } from '@shared/domain/report';

export interface ChangeContext {
  report: ReportView;
  /** The report as the function answered it after a change. */
  onReport: (report: ReportView) => void;
  /** Someone else changed it first (REPORTS.CHANGED / WRONG_STATE): the page reloads it. */
  onStale: () => void;
}

export type Change = { reportId: string; version: number; requestId: string };

/**
 * One action panel of the report page: its fields' errors under them (the server names them `message`, `visit.at`…;
 * the panel's form fields carry its prefix, `accept-message`, so panels never share a name), a request id per panel
 * kept until it succeeded (a retry applies it once), and a report changed by someone else answered by a toast and a
 * reload.
 */
export function useChange(ctx: ChangeContext, prefix: string, fields: readonly string[]) {
  const fieldOf = (path: string) => `${prefix}-${path.replace(/^visit\./, '').split(/[.[]/)[0] ?? path}`;
  const form = useFormErrors({ fields: fields.map((f) => `${prefix}-${f}`), fieldOf });
  const taps = useTapIds();
  const [busy, setBusy] = useState(false);

  /**
   * Checks `input` with the action's schema first (and the panel's own `extra` rules, by field), then sends it;
   * answers whether it went through.
   */
  const run = async (
    schema: v.GenericSchema,
    input: Record<string, unknown>,
    send: (change: Change) => Promise<{ report: ReportView }>,
    done: string,
    extra: Record<string, string> = {},
  ): Promise<boolean> => {
    form.reset();
    const change: Change = { reportId: ctx.report.id, version: ctx.report.version, requestId: taps.idFor(prefix) };
    const issues = { ...schemaIssues(schema, { ...change, ...input }), ...extra };
    if (Object.keys(issues).length) {
      form.showIssues(issues);
      return false;
    }
    setBusy(true);
    try {
      const { report } = await send(change);
      taps.done(prefix);
      void Taro.showToast({ title: done, icon: 'none', duration: 1500 });
      ctx.onReport(report);
      return true;
    } catch (err) {
      if (err instanceof CloudCallError && (err.code === 'REPORTS.CHANGED' || err.code === 'REPORTS.WRONG_STATE')) {
        // The report moved on under us: say so and show it as it is now; this tap's request is spent.
        taps.done(prefix);
        void Taro.showToast({ title: err.message, icon: 'none', duration: 2500 });
        ctx.onStale();
      } else form.fail(err);
      return false;
    } finally {
      setBusy(false);
    }
  };

  return { run, busy, errors: (field: string) => form.errors[`${prefix}-${field}`], clear: (field: string) => form.clear(`${prefix}-${field}`), formError: form.formError };
}
