import { readdirSync } from 'fs';
import { renderTemplate, TEMPLATES_ENV, TemplateNotConfigured, type TemplateConfig } from '../../../cloudfunctions/_core/templates';
import {
  clientDefines,
  ENVIRONMENTS_DIR,
  fieldProblem,
  functionEnvironment,
  loadEnvironmentConfig,
  sendingFunctions,
  sentTemplateKeys,
  templateProblems,
} from '../../../scripts/deploy/templates';
import { fitValue, keywordKind, TEMPLATE_KEYS } from '../../../src/shared/subscriptions';

const local = () => loadEnvironmentConfig('local');
/** local.json with one change made by `edit`. */
function localWith(edit: (templates: Record<string, { id: string; fields: Record<string, string> }>) => void) {
  const config = local();
  const templates = JSON.parse(JSON.stringify(config.subscribeTemplates));
  edit(templates);
  return { ...config, subscribeTemplates: templates as TemplateConfig };
}

describe('the environments in deploy/environments', () => {
  it.each(readdirSync(ENVIRONMENTS_DIR).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)))('%s.json configures every template the code sends', (name) => {
    expect(templateProblems(loadEnvironmentConfig(name))).toEqual([]);
  });

  it('local.json uses the keys as fixture ids; example.json obviously example ids', () => {
    for (const key of TEMPLATE_KEYS) expect(local().subscribeTemplates[key]!.id).toBe(key);
    for (const key of TEMPLATE_KEYS) expect(loadEnvironmentConfig('example').subscribeTemplates[key]!.id).toMatch(/^EXAMPLE-/);
  });

  it('says which environments exist when one is missing', () => {
    expect(() => loadEnvironmentConfig('no-such-env')).toThrow(/example, local/);
    expect(() => loadEnvironmentConfig('../package')).toThrow(/bad environment name/);
  });

  it('the catalogue is what the functions send: every key is named by a function that sends', () => {
    expect(sentTemplateKeys().sort()).toEqual([...TEMPLATE_KEYS].sort());
    expect(sendingFunctions()).toEqual(['cabin', 'care', 'events', 'notices', 'participation', 'reports', 'surveys']);
  });
});

describe('templateProblems', () => {
  it('finds a template the code sends that is not configured', () => {
    const problems = templateProblems(localWith((t) => delete t['loan-due']));
    expect(problems).toEqual([expect.stringMatching(/^loan-due: not configured/)]);
  });

  it('finds a template without an id, and two keys sharing one template id', () => {
    expect(templateProblems(localWith((t) => (t['stock-low']!.id = ' ')))).toEqual(['stock-low: no template id']);
    expect(templateProblems(localWith((t) => (t['loan-overdue']!.id = 'loan-due')))).toEqual([expect.stringMatching(/^loan-overdue: the template id is loan-due's too/)]);
  });

  it('finds a semantic field without a keyword, and a field the code does not have', () => {
    expect(templateProblems(localWith((t) => delete t['event-reminder']!.fields.place))).toEqual([expect.stringMatching(/^event-reminder\.place \(活动地点\): no keyword/)]);
    expect(templateProblems(localWith((t) => (t['hold-ready']!.fields.colour = 'thing9')))).toEqual(['hold-ready.colour: the code has no such field']);
    expect(templateProblems(localWith((t) => (t['no-such'] = { id: 'x', fields: {} })))).toEqual(['no-such: the code sends no such template']);
  });

  it('finds keywords that are not WeChat keywords, of the wrong kind, or used twice', () => {
    for (const bad of ['thing', 'Thing1', 'thing0', 'item1', 'thing1.DATA', '{{thing1.DATA}}']) {
      expect(templateProblems(localWith((t) => (t['loan-due']!.fields.item = bad)))).toEqual([expect.stringContaining('is not a WeChat keyword')]);
    }
    expect(templateProblems(localWith((t) => (t['loan-due']!.fields.due = 'thing5')))).toEqual([expect.stringContaining('is a thing; this field needs a time or date')]);
    expect(templateProblems(localWith((t) => (t['loan-due']!.fields.note = 'thing1')))).toEqual(['loan-due: the keyword thing1 is used twice']);
  });

  it('finds fixed values that do not fit the kind chosen', () => {
    // 已收下 / 已婉谢 fit a phrase (5 Chinese characters), a short_thing or a thing.
    for (const keyword of ['phrase2', 'short_thing2', 'thing2']) expect(templateProblems(localWith((t) => (t['donation-answered']!.fields.result = keyword)))).toEqual([]);
    const status = { label: '状态', kinds: ['phrase', 'thing'] as const, values: ['已收下', '已经全部收下了'] };
    expect(fieldProblem('donation-answered', 'result', status, 'thing2')).toBeNull();
    expect(fieldProblem('donation-answered', 'result', status, 'phrase2')).toMatch(/"已经全部收下了" is longer than a phrase allows \(5\)/);
    expect(fieldProblem('donation-answered', 'result', { ...status, values: ['OK'] }, 'phrase2')).toMatch(/not only Chinese characters/);
  });

  it('finds a missing section', () => {
    expect(templateProblems({ subscribeTemplates: undefined as unknown as TemplateConfig })).toEqual([expect.stringMatching(/^subscribeTemplates: missing/)]);
  });
});

describe('what the deploy and the build get', () => {
  it('functions get the whole mapping in one variable, without the comments', () => {
    const env = functionEnvironment(loadEnvironmentConfig('example'));
    expect(Object.keys(env)).toEqual([TEMPLATES_ENV]);
    const parsed = JSON.parse(env[TEMPLATES_ENV]!);
    expect(Object.keys(parsed).sort()).toEqual([...TEMPLATE_KEYS].sort());
    expect(JSON.stringify(parsed)).not.toContain('$comment');
  });

  it('the client gets the ids by key as a build constant', () => {
    const defines = clientDefines(loadEnvironmentConfig('example'));
    const ids = JSON.parse(defines.TXTD_SUBSCRIBE_TEMPLATE_IDS!);
    expect(ids['event-reminder']).toBe(loadEnvironmentConfig('example').subscribeTemplates['event-reminder']!.id);
    expect(Object.keys(ids).sort()).toEqual([...TEMPLATE_KEYS].sort());
  });
});

describe('rendering a message (cloudfunctions/_core/templates.ts)', () => {
  const config = local().subscribeTemplates;

  it('maps semantic fields to the keywords and cuts values to their kind', () => {
    const long = '一二三四五六七八九十一二三四五六七八九十一';
    expect(renderTemplate('stock-low', { item: long, stock: '2', note: '库存不多了' }, config)).toEqual({
      templateId: 'stock-low',
      data: { thing1: { value: `${long.slice(0, 19)}…` }, number2: { value: '2' }, thing3: { value: '库存不多了' } },
    });
  });

  it('refuses a template the environment does not configure, or configures without a field', () => {
    const values = { item: '伞', due: '2026-12-01 10:00', note: '到期' };
    expect(() => renderTemplate('loan-due', values, {})).toThrow(TemplateNotConfigured);
    expect(() => renderTemplate('loan-due', values, { 'loan-due': { id: 'x', fields: { item: 'thing1', due: 'time2' } } })).toThrow(/no keyword for field "note"/);
  });

  it('reads the environment variable when set, else the local fixture', () => {
    const values = { title: '停水通知', writer: '居委会' };
    expect(renderTemplate('notice-published', values).templateId).toBe('notice-published');
    process.env[TEMPLATES_ENV] = JSON.stringify({ 'notice-published': { id: 'TPL', fields: { title: 'thing3', writer: 'name1' } } });
    try {
      expect(renderTemplate('notice-published', values)).toEqual({ templateId: 'TPL', data: { thing3: { value: '停水通知' }, name1: { value: '居委会' } } });
    } finally {
      delete process.env[TEMPLATES_ENV];
    }
  });
});

describe('keyword kinds', () => {
  it('reads the kind of a keyword', () => {
    expect(['thing1', 'character_string12', 'short_thing3', 'phone_number4', 'phrase9'].map(keywordKind)).toEqual([
      'thing',
      'character_string',
      'short_thing',
      'phone_number',
      'phrase',
    ]);
    expect(['thing', 'foo1', 'thing01', 'THING1'].map(keywordKind)).toEqual([null, null, null, null]);
  });

  it('fits values to the kind', () => {
    expect(fitValue('phrase', '已经处理完毕了')).toBe('已经处理完');
    expect(fitValue('time', '2026-12-01 10:00')).toBe('2026-12-01 10:00');
    expect(fitValue('thing', '😀'.repeat(21))).toBe(`${'😀'.repeat(19)}…`);
  });
});

