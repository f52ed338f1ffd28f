import { useCallback, useState } from 'react';
import Taro from '@tarojs/taro';
import { CloudCallError, errorText } from '@/services/cloud';

export interface FormErrorsOptions {
  /** The form's fields in page order: the first one with an error is scrolled to. */
  fields: readonly string[];
  /** The form field a payload path belongs to ("event.roles.0.name" -> "roles"); the first segment by default. */
  fieldOf?: (path: string) => string;
}

export interface FormErrors {
  /** A message under each field, by field name. */
  errors: Record<string, string>;
  /** A message for the whole form, when the problem is not one of its fields (a network error, a refusal). */
  formError: string | null;
  /**
   * Shows messages found before sending, by field path: a subpackage's form checks its input with the shared
   * schema first (`schemaIssues` in @shared/field-issues). Main-package forms leave that to the server, so the
   * schemas and valibot stay out of the main package's budget.
   */
  showIssues: (paths: Record<string, string>) => void;
  /**
   * A failed submit: the server's field messages under their fields, or the message for the whole form.
   * `extra` puts a message the server gives for the whole call under the field it is about (path -> message).
   */
  fail: (err: unknown, extra?: Record<string, string>) => void;
  /** A field was edited: its old message goes. */
  clear: (field: string) => void;
  /** Before a new submit. */
  reset: () => void;
}

const firstSegment = (path: string) => path.split(/[.[]/)[0] ?? path;

/**
 * Errors next to their field, one mechanism for every form: the page is scrolled to the first field with an
 * error (the person is at the button at the bottom) and a toast names the problem, in weapp and H5 alike. A
 * field's wrapper is FormField's `.form-field--<name>`, which is what the scroll selects.
 */
export function useFormErrors({ fields, fieldOf = firstSegment }: FormErrorsOptions): FormErrors {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const order = fields.join('|');

  const show = useCallback(
    (paths: Record<string, string>, whole: string | null) => {
      const byField: Record<string, string> = {};
      for (const [path, message] of Object.entries(paths)) byField[fieldOf(path)] ??= message;
      const known = order.split('|');
      const shown = known.filter((field) => byField[field]);
      // A message for a field this form does not show is said for the whole form instead of being lost.
      const unshown = Object.keys(byField).find((field) => !known.includes(field));
      const wholeMessage = whole ?? (unshown ? byField[unshown]! : null);
      setErrors(byField);
      setFormError(wholeMessage);
      const first = shown[0];
      const toast = first ? byField[first]! + (shown.length > 1 ? `（共${shown.length}处要改）` : '') : wholeMessage;
      if (toast) void Taro.showToast({ title: toast, icon: 'none', duration: 2500 });
      if (first) void Taro.pageScrollTo({ selector: `.form-field--${first}`, duration: 300, offsetTop: -16 }).catch(() => undefined);
    },
    [fieldOf, order],
  );

  const showIssues = useCallback((paths: Record<string, string>) => show(paths, null), [show]);

  const fail = useCallback(
    (err: unknown, extra: Record<string, string> = {}) => {
      const paths = { ...(err instanceof CloudCallError && err.fields ? err.fields : {}), ...extra };
      show(paths, Object.keys(paths).length ? null : errorText(err));
    },
    [show],
  );

  const clear = useCallback((field: string) => {
    setErrors((prev) => {
      if (!(field in prev)) return prev;
      const next = { ...prev };
      delete next[field];
      return next;
    });
  }, []);

  const reset = useCallback(() => {
    setErrors({});
    setFormError(null);
  }, []);

  return { errors, formError, showIssues, fail, clear, reset };
}
