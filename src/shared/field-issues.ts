import * as v from 'valibot';

/**
 * Field path -> first message, from a schema's issues: the shape of COMMON.INVALID_INPUT's `fields`, so a form
 * that checks its input with the shared schema first shows the same messages the server would.
 */
export function issueFields(issues: readonly v.BaseIssue<unknown>[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const path = v.getDotPath(issue) ?? '_';
    fields[path] ??= issue.message;
  }
  return fields;
}

/** The messages a schema has for `value`, by field path; null when it passes. */
export function schemaIssues(schema: v.GenericSchema, value: unknown): Record<string, string> | null {
  const parsed = v.safeParse(schema, value);
  return parsed.success ? null : issueFields(parsed.issues);
}
