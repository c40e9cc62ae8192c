import type { V1LabelSelector } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import {
  InvalidSelectorError,
  isEverythingSelector,
  labelKeyError,
  labelValueError,
  matchesSelector,
  parseSelector,
  type Requirement,
  SelectorParseError,
  selectorFromLabelSelector,
  selectorFromMap,
  selectorToString,
} from '../src/selector';

function parseError(text: string): SelectorParseError {
  try {
    parseSelector(text);
  } catch (error) {
    if (error instanceof SelectorParseError) return error;
    throw error;
  }
  throw new Error(`expected "${text}" to be rejected`);
}

const req = (key: string, operator: Requirement['operator'], values: string[] = []): Requirement => ({
  key,
  operator,
  values,
});

describe('parseSelector: accepted syntax', () => {
  it.each<[string, Requirement[]]>([
    ['', []],
    ['   \t\n', []],
    ['app=web', [req('app', 'Equals', ['web'])]],
    ['app==web', [req('app', 'DoubleEquals', ['web'])]],
    ['app!=web', [req('app', 'NotEquals', ['web'])]],
    ['app', [req('app', 'Exists')]],
    ['!app', [req('app', 'DoesNotExist')]],
    ['! app', [req('app', 'DoesNotExist')]],
    ['env in (prod,staging)', [req('env', 'In', ['prod', 'staging'])]],
    ['env in(prod)', [req('env', 'In', ['prod'])]],
    ['env notin (prod, staging)', [req('env', 'NotIn', ['prod', 'staging'])]],
    ['env in (staging,prod,prod)', [req('env', 'In', ['prod', 'staging'])]],
    ['env in ()', [req('env', 'In', [''])]],
    ['env in (,a)', [req('env', 'In', ['', 'a'])]],
    ['env in (a,)', [req('env', 'In', ['', 'a'])]],
    ['env in (a,,b)', [req('env', 'In', ['', 'a', 'b'])]],
    ['x in (in, notin)', [req('x', 'In', ['in', 'notin'])]],
    ['in', [req('in', 'Exists')]],
    ['notin=in', [req('notin', 'Equals', ['in'])]],
    ['gen>2', [req('gen', 'GreaterThan', ['2'])]],
    ['gen < 10', [req('gen', 'LessThan', ['10'])]],
    ['app=', [req('app', 'Equals', [''])]],
    ['app=,tier', [req('app', 'Equals', ['']), req('tier', 'Exists')]],
    ['  app = web ,  tier  ', [req('app', 'Equals', ['web']), req('tier', 'Exists')]],
    [
      'tier!=cache,app=web,!canary',
      [req('app', 'Equals', ['web']), req('canary', 'DoesNotExist'), req('tier', 'NotEquals', ['cache'])],
    ],
    ['app.kubernetes.io/name=my-app', [req('app.kubernetes.io/name', 'Equals', ['my-app'])]],
    ['Example_Key.1=Value_1.x-Y', [req('Example_Key.1', 'Equals', ['Value_1.x-Y'])]],
    ['a=b,a!=c', [req('a', 'Equals', ['b']), req('a', 'NotEquals', ['c'])]],
  ])('parses %j', (text, requirements) => {
    expect(parseSelector(text).requirements).toEqual(requirements);
  });

  it('accepts a 63-character name and a 253-character prefix', () => {
    const name = `a${'b'.repeat(61)}c`;
    const prefix = `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(61)}`;
    expect(prefix.length).toBe(253);
    expect(parseSelector(`${prefix}/${name}`).requirements).toEqual([req(`${prefix}/${name}`, 'Exists')]);
  });

  it('accepts a 63-character value', () => {
    const value = 'v'.repeat(63);
    expect(parseSelector(`k=${value}`).requirements).toEqual([req('k', 'Equals', [value])]);
  });
});

describe('parseSelector: rejected input with the position of the problem', () => {
  it.each<[string, number, RegExp]>([
    [',', 0, /found ','/],
    ['a,', 2, /expected: identifier after ','/],
    ['a,,b', 2, /found ','.*identifier after ','/],
    ['a b', 2, /found 'b', expected: in, notin/],
    ['a=b c', 4, /found 'c', expected: ',' or end of string/],
    ['a=b=c', 3, /found '='/],
    ['=a', 0, /found '='/],
    ['!', 1, /found end of string, expected: identifier/],
    ['!a=b', 2, /found '=', expected: ',' or end of string/],
    ['a!b', 1, /found '!', expected: in, notin/],
    ['a>=1', 2, /found '=', expected: identifier/],
    ['a=(b)', 2, /found '\(', expected: identifier/],
    ['x in a', 5, /expected: '\('/],
    ['x in (a', 7, /expected: ',' or '\)'/],
    ['x in (a b)', 8, /found 'b', expected: ',' or '\)'/],
    ['x in (=)', 6, /found '=', expected: ',', '\)' or identifier/],
    ['x in (a,=)', 8, /found '=', expected: ',' or identifier/],
    ['x notin', 7, /expected: '\('/],
    ['(a)', 0, /found '\('/],
  ])('rejects %j at %i', (text, position, message) => {
    const error = parseError(text);
    expect(error.position).toBe(position);
    expect(error.message).toMatch(message);
    expect(error).toBeInstanceOf(InvalidSelectorError);
  });

  it.each<[string, number]>([
    ['-app=web', 0],
    ['app-=web', 0],
    ['a=b, Foo/bar=x', 5],
    ['example.com/=x', 0],
    ['/name', 0],
    ['a/b/c', 0],
    ['a=1, b/c/d', 5],
    ['k.io/x=1,ÄÖ=1', 9],
  ])('rejects the invalid key in %j at %i', (text, position) => {
    const error = parseError(text);
    expect(error.position).toBe(position);
    expect(error.message).toMatch(/invalid label key/);
  });

  it('rejects a name part of 64 characters', () => {
    const error = parseError(`${'n'.repeat(64)}=x`);
    expect(error.position).toBe(0);
    expect(error.message).toMatch(/no more than 63 characters/);
  });

  it('rejects a prefix of 254 characters', () => {
    const prefix = `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(62)}`;
    const error = parseError(`x=1,${prefix}/name`);
    expect(error.position).toBe(4);
    expect(error.message).toMatch(/no more than 253 characters/);
  });

  it.each<[string, number]>([
    ['app=-web', 4],
    ['app=web-', 4],
    ['app in (ok, bad_)', 12],
    ['app notin (ok,b@d)', 14],
    ['app!=a/b', 5],
    [`app=${'v'.repeat(64)}`, 4],
  ])('rejects the invalid value in %j at %i', (text, position) => {
    const error = parseError(text);
    expect(error.position).toBe(position);
    expect(error.message).toMatch(/invalid label value/);
  });

  it.each<[string, number]>([
    ['gen>abc', 4],
    ['gen<1.5', 4],
    ['gen>', 4],
    ['gen>99999999999999999999', 4],
  ])('rejects the non-integer value in %j at %i', (text, position) => {
    const error = parseError(text);
    expect(error.position).toBe(position);
    expect(error.message).toMatch(/must be an integer/);
  });

  it('rejects a negative bound because it is not a valid label value', () => {
    expect(parseError('gen>-1').message).toMatch(/invalid label value "-1"/);
  });
});

describe('matchesSelector', () => {
  const labels = { app: 'web', tier: 'frontend', gen: '12', release: 'v1.2' };
  it.each<[string, Record<string, string> | undefined, boolean]>([
    ['', labels, true],
    ['', undefined, true],
    ['app=web', labels, true],
    ['app==web', labels, true],
    ['app=api', labels, false],
    ['app=web,tier=frontend', labels, true],
    ['app=web,tier=backend', labels, false],
    ['app!=api', labels, true],
    ['app!=web', labels, false],
    ['missing!=x', labels, true],
    ['missing!=x', undefined, true],
    ['app in (api,web)', labels, true],
    ['app in (api)', labels, false],
    ['missing in (a)', labels, false],
    ['app notin (api)', labels, true],
    ['app notin (web)', labels, false],
    ['missing notin (a)', labels, true],
    ['app', labels, true],
    ['missing', labels, false],
    ['!missing', labels, true],
    ['!app', labels, false],
    ['!app', undefined, true],
    ['gen>11', labels, true],
    ['gen>12', labels, false],
    ['gen<13', labels, true],
    ['gen<12', labels, false],
    ['missing>1', labels, false],
    ['missing<1', labels, false],
    ['release>1', labels, false],
    ['release<1', labels, false],
    ['missing=', labels, false],
    ['empty=', { empty: '' }, true],
    ['empty in ()', { empty: '' }, true],
  ])('evaluates %j against %j as %s', (text, set, expected) => {
    expect(matchesSelector(parseSelector(text), set)).toBe(expected);
  });

  it('compares > and < as integers, not strings', () => {
    expect(matchesSelector(parseSelector('gen>9'), { gen: '10' })).toBe(true);
    expect(matchesSelector(parseSelector('gen<9'), { gen: '10' })).toBe(false);
    expect(matchesSelector(parseSelector('gen>9'), { gen: '010' })).toBe(true);
  });

  it('compares integers beyond 2^53 exactly', () => {
    expect(matchesSelector(parseSelector('n>9007199254740992'), { n: '9007199254740993' })).toBe(true);
  });

  it('does not match a label value outside int64 for > and <', () => {
    expect(matchesSelector(parseSelector('n>1'), { n: '9223372036854775808' })).toBe(false);
    expect(matchesSelector(parseSelector('n<1'), { n: '-9223372036854775808' })).toBe(true);
  });

  it('does not treat inherited object properties as labels', () => {
    expect(matchesSelector(parseSelector('constructor'), {})).toBe(false);
    expect(matchesSelector(parseSelector('toString!=x'), {})).toBe(true);
  });
});

describe('selectorToString', () => {
  it.each<[string, string]>([
    ['', ''],
    ['app=web', 'app=web'],
    ['app==web', 'app=web'],
    ['tier!=cache , app = web', 'app=web,tier!=cache'],
    ['env in (staging, prod)', 'env in (prod,staging)'],
    ['env notin (b,a,a)', 'env notin (a,b)'],
    ['env in ()', 'env in ()'],
    ['env in (a,,b)', 'env in (,a,b)'],
    ['!canary, app', 'app,!canary'],
    ['gen>2,gen<10', 'gen>2,gen<10'],
    ['app=', 'app='],
  ])('prints %j as %j', (text, expected) => {
    expect(selectorToString(parseSelector(text))).toBe(expected);
  });

  it.each([
    'app=web,tier!=cache',
    'env in (,a,b),!canary',
    'x in (in,notin),y notin (a)',
    'k8s.io/app=x,gen>2',
    'a=,b',
  ])('round-trips %j through parseSelector', (text) => {
    const selector = parseSelector(text);
    expect(parseSelector(selectorToString(selector))).toEqual(selector);
  });

  it('refuses to print a selector that matches nothing', () => {
    expect(() => selectorToString(selectorFromLabelSelector(undefined))).toThrow(InvalidSelectorError);
  });
});

describe('selectorFromLabelSelector', () => {
  it('combines matchLabels and matchExpressions sorted by key', () => {
    const ls: V1LabelSelector = {
      matchLabels: { app: 'web' },
      matchExpressions: [
        { key: 'tier', operator: 'In', values: ['frontend', 'edge'] },
        { key: 'env', operator: 'NotIn', values: ['dev'] },
        { key: 'canary', operator: 'DoesNotExist' },
        { key: 'team', operator: 'Exists' },
      ],
    };
    const selector = selectorFromLabelSelector(ls);
    expect(selectorToString(selector)).toBe('app=web,!canary,env notin (dev),team,tier in (edge,frontend)');
    expect(matchesSelector(selector, { app: 'web', tier: 'edge', team: 'a' })).toBe(true);
    expect(matchesSelector(selector, { app: 'web', tier: 'edge', team: 'a', env: 'dev' })).toBe(false);
    expect(matchesSelector(selector, { app: 'web', tier: 'edge', team: 'a', canary: 'true' })).toBe(false);
    expect(matchesSelector(selector, { app: 'web', tier: 'edge' })).toBe(false);
  });

  it('matches everything for an empty LabelSelector', () => {
    const selector = selectorFromLabelSelector({});
    expect(isEverythingSelector(selector)).toBe(true);
    expect(matchesSelector(selector, { any: 'thing' })).toBe(true);
  });

  it('matches nothing for a missing LabelSelector', () => {
    const selector = selectorFromLabelSelector(undefined);
    expect(isEverythingSelector(selector)).toBe(false);
    expect(matchesSelector(selector, {})).toBe(false);
    expect(matchesSelector(selector, { app: 'web' })).toBe(false);
  });

  it('rejects an unknown operator', () => {
    expect(() =>
      selectorFromLabelSelector({ matchExpressions: [{ key: 'a', operator: 'Gt', values: ['1'] }] }),
    ).toThrow(/"Gt" is not a valid label selector operator/);
  });

  it('rejects In without values and Exists with values', () => {
    expect(() =>
      selectorFromLabelSelector({ matchExpressions: [{ key: 'a', operator: 'In', values: [] }] }),
    ).toThrow(InvalidSelectorError);
    expect(() =>
      selectorFromLabelSelector({ matchExpressions: [{ key: 'a', operator: 'Exists', values: ['x'] }] }),
    ).toThrow(InvalidSelectorError);
  });

  it('rejects an invalid key or value in matchLabels', () => {
    expect(() => selectorFromLabelSelector({ matchLabels: { 'bad key': 'x' } })).toThrow(/invalid label key/);
    expect(() => selectorFromLabelSelector({ matchLabels: { app: 'bad value' } })).toThrow(
      /invalid label value/,
    );
  });
});

describe('selectorFromMap', () => {
  it('requires every pair to match exactly', () => {
    const selector = selectorFromMap({ tier: 'frontend', app: 'web' });
    expect(selectorToString(selector)).toBe('app=web,tier=frontend');
    expect(matchesSelector(selector, { app: 'web', tier: 'frontend', extra: 'x' })).toBe(true);
    expect(matchesSelector(selector, { app: 'web' })).toBe(false);
  });

  it('matches everything for an empty or missing map, like labels.SelectorFromSet', () => {
    expect(isEverythingSelector(selectorFromMap({}))).toBe(true);
    expect(isEverythingSelector(selectorFromMap(undefined))).toBe(true);
  });

  it('rejects invalid keys and values', () => {
    expect(() => selectorFromMap({ 'a/b/c': 'x' })).toThrow(InvalidSelectorError);
    expect(() => selectorFromMap({ app: '-x' })).toThrow(InvalidSelectorError);
  });
});

describe('labelKeyError and labelValueError', () => {
  it('accepts valid keys and values', () => {
    expect(labelKeyError('app')).toBeUndefined();
    expect(labelKeyError('app.kubernetes.io/name')).toBeUndefined();
    expect(labelKeyError('a')).toBeUndefined();
    expect(labelValueError('')).toBeUndefined();
    expect(labelValueError('A-b_c.1')).toBeUndefined();
  });

  it('explains invalid keys', () => {
    expect(labelKeyError('')).toMatch(/name part must be non-empty/);
    expect(labelKeyError('Example.com/x')).toMatch(/prefix part must be a lowercase DNS-1123 subdomain/);
    expect(labelKeyError('x/')).toMatch(/name part must be non-empty/);
    expect(labelKeyError('_x')).toMatch(/start and end with an alphanumeric/);
  });
});
