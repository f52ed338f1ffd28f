import local from '../../deploy/environments/local.json';
import { fitValue, keywordKind, SUBSCRIPTION_TEMPLATES, templateFields, type TemplateKey, type TemplateValues } from '../../src/shared/subscriptions';

/**
 * The subscribe-message templates of the environment: each key's WeChat template id and the keyword of that template
 * each semantic field fills. The deploy sets them on every function that sends (scripts/deploy/templates.ts,
 * `functionEnvironment`); without the variable (locally, in tests) the fixture of deploy/environments/local.json.
 */
export const TEMPLATES_ENV = 'TXTD_SUBSCRIBE_TEMPLATES';

export interface ConfiguredTemplate {
  id: string;
  fields: Record<string, string>;
}

export type TemplateConfig = Partial<Record<string, ConfiguredTemplate>>;

let cached: { raw: string | undefined; config: TemplateConfig } | null = null;

/** The configured templates (parsed once per value of the variable). */
export function templateConfig(): TemplateConfig {
  // Read by its literal name, so the deploy finds the setting in the bundle (scripts/deploy/bundle-facts.ts).
  const raw = process.env.TXTD_SUBSCRIBE_TEMPLATES || undefined;
  if (!cached || cached.raw !== raw) {
    cached = { raw, config: raw ? (JSON.parse(raw) as TemplateConfig) : (local.subscribeTemplates as TemplateConfig) };
  }
  return cached.config;
}

/** A template the code sends is not configured (or not completely): a deploy mistake, never a silent drop. */
export class TemplateNotConfigured extends Error {
  constructor(key: string, what: string) {
    super(`subscribe template "${key}": ${what} (set it in deploy/environments/<env>.json)`);
    this.name = 'TemplateNotConfigured';
  }
}

/**
 * The message WeChat receives for a template key and its semantic values: the configured template id and the data
 * under the template's own keywords, each value cut to its keyword kind's limit. Throws TemplateNotConfigured
 * if the key, its id or a field's keyword is missing.
 */
export function renderTemplate<K extends TemplateKey>(
  key: K,
  values: TemplateValues<K>,
  config: TemplateConfig = templateConfig(),
): { templateId: string; data: Record<string, { value: string }> } {
  if (!Object.prototype.hasOwnProperty.call(SUBSCRIPTION_TEMPLATES, key)) throw new TemplateNotConfigured(key, 'not in the catalogue');
  const configured = config[key];
  if (!configured?.id) throw new TemplateNotConfigured(key, 'no template id');
  const data: Record<string, { value: string }> = {};
  for (const field of templateFields(key)) {
    const keyword = configured.fields?.[field];
    const kind = keyword ? keywordKind(keyword) : null;
    if (!keyword || !kind) throw new TemplateNotConfigured(key, `no keyword for field "${field}"`);
    data[keyword] = { value: fitValue(kind, String((values as Record<string, string>)[field] ?? '')) };
  }
  return { templateId: configured.id, data };
}
