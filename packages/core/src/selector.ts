/**
 * Label selectors: the `-l` / `?labelSelector=` grammar of kubectl and the API server, and the structured
 * `LabelSelector` of Deployments and the plain map of Services.
 *
 * Parsing follows k8s.io/apimachinery/pkg/labels/selector.go (lexer, grammar and the validation done by
 * NewRequirement); matching follows Requirement.Matches. Differences: errors carry the character index
 * where the problem was found, and parsing stops at the first problem.
 *
 * This file is long because it is one grammar: lexer, parser, validation and matching share the token
 * and requirement types and mirror one upstream file; split, each part would only make sense beside the others.
 */
import type { V1LabelSelector } from '@kubernetes/client-node';
import { DNS1123_SUBDOMAIN } from './names';

/** The operators of k8s.io/apimachinery/pkg/selection, named rather than spelled. */
export type SelectorOperator =
  | 'Equals' // key=value
  | 'DoubleEquals' // key==value (same meaning as =)
  | 'NotEquals' // key!=value
  | 'In' // key in (a,b)
  | 'NotIn' // key notin (a,b)
  | 'Exists' // key
  | 'DoesNotExist' // !key
  | 'GreaterThan' // key>1
  | 'LessThan'; // key<1

export interface Requirement {
  key: string;
  operator: SelectorOperator;
  /** Sorted and de-duplicated. Empty for Exists/DoesNotExist, one value for the exact and integer operators. */
  values: string[];
}

/**
 * A parsed selector: requirements ANDed together, sorted by key. No requirements matches everything.
 * `matchesNothing` is the selector of a missing `LabelSelector` (apimachinery's labels.Nothing()).
 */
export interface Selector {
  requirements: Requirement[];
  matchesNothing?: true;
}

/** A selector or label that the API server would reject. */
export class InvalidSelectorError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidSelectorError';
  }
}

/** A selector string that does not parse; `position` is the index in the input where the problem is. */
export class SelectorParseError extends InvalidSelectorError {
  readonly position: number;

  constructor(message: string, position: number) {
    super(message);
    this.name = 'SelectorParseError';
    this.position = position;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Validation (k8s.io/apimachinery/pkg/util/validation: IsQualifiedName, IsValidLabelValue; the prefix's
// IsDNS1123Subdomain is in names.ts)
// ---------------------------------------------------------------------------------------------------------

const QUALIFIED_NAME_MAX_LENGTH = 63;
const LABEL_VALUE_MAX_LENGTH = 63;
const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/**
 * Why `key` is not a valid label key, or `undefined` when it is. A key is an optional DNS-1123 subdomain
 * prefix (lowercase, at most 253 characters) and '/', then a name of at most 63 characters of
 * [A-Za-z0-9._-] that starts and ends with an alphanumeric.
 */
export function labelKeyError(key: string): string | undefined {
  const parts = key.split('/');
  if (parts.length > 2) return 'a label key may contain at most one "/" (e.g. "example.com/my-name")';
  const [first = '', second] = parts;
  const name = second ?? first;
  if (second !== undefined) {
    if (first === '') return 'the prefix part must be non-empty';
    if (first.length > DNS1123_SUBDOMAIN.maxLength) {
      return `the prefix part must be no more than ${DNS1123_SUBDOMAIN.maxLength} characters`;
    }
    if (!DNS1123_SUBDOMAIN.pattern.test(first)) {
      return "the prefix part must be a lowercase DNS-1123 subdomain: lower case alphanumerics, '-' or '.', starting and ending with an alphanumeric";
    }
  }
  if (name === '') return 'the name part must be non-empty';
  if (name.length > QUALIFIED_NAME_MAX_LENGTH) {
    return `the name part must be no more than ${QUALIFIED_NAME_MAX_LENGTH} characters`;
  }
  if (!QUALIFIED_NAME.test(name)) {
    return "the name part must consist of alphanumerics, '-', '_' or '.', and start and end with an alphanumeric";
  }
  return undefined;
}

/** Why `value` is not a valid label value, or `undefined` when it is (the empty string is valid). */
export function labelValueError(value: string): string | undefined {
  if (value.length > LABEL_VALUE_MAX_LENGTH)
    return `must be no more than ${LABEL_VALUE_MAX_LENGTH} characters`;
  if (!LABEL_VALUE.test(value)) {
    return "must be empty or consist of alphanumerics, '-', '_' or '.', and start and end with an alphanumeric";
  }
  return undefined;
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** Go's strconv.ParseInt(s, 10, 64): optional sign, decimal digits, within int64. */
function parseInt64(text: string): bigint | undefined {
  if (!/^[+-]?[0-9]+$/.test(text)) return undefined;
  const value = BigInt(text);
  return value < INT64_MIN || value > INT64_MAX ? undefined : value;
}

// ---------------------------------------------------------------------------------------------------------
// Lexer
// ---------------------------------------------------------------------------------------------------------

type TokenKind =
  | 'end'
  | ')'
  | ','
  | '!'
  | '=='
  | '='
  | '>'
  | 'identifier'
  | 'in'
  | '<'
  | '!='
  | 'notin'
  | '(';

interface Token {
  kind: TokenKind;
  text: string;
  position: number;
}

const SYMBOL_TOKENS: Record<string, TokenKind> = {
  ')': ')',
  ',': ',',
  '!': '!',
  '==': '==',
  '=': '=',
  '>': '>',
  '<': '<',
  '!=': '!=',
  '(': '(',
};

function isWhitespace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n';
}

function isSpecialSymbol(ch: string): boolean {
  return ch === '=' || ch === '!' || ch === '(' || ch === ')' || ch === ',' || ch === '>' || ch === '<';
}

/**
 * Splits the input like apimachinery's Lexer: runs of special symbols are cut into the longest known
 * operator ("!=" , "=="), everything else up to a symbol or whitespace is one word; "in" and "notin" are
 * keywords.
 */
function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  for (;;) {
    while (pos < input.length && isWhitespace(input.charAt(pos))) pos++;
    const start = pos;
    if (pos >= input.length) {
      tokens.push({ kind: 'end', text: '', position: start });
      return tokens;
    }
    if (isSpecialSymbol(input.charAt(pos))) {
      // Every single special symbol is a token, so this always yields at least one character.
      let text = input.charAt(pos);
      const two = input.slice(pos, pos + 2);
      if (two.length === 2 && SYMBOL_TOKENS[two] !== undefined) text = two;
      pos += text.length;
      tokens.push({ kind: SYMBOL_TOKENS[text] ?? '!', text, position: start });
      continue;
    }
    while (pos < input.length && !isSpecialSymbol(input.charAt(pos)) && !isWhitespace(input.charAt(pos)))
      pos++;
    const text = input.slice(start, pos);
    const kind: TokenKind = text === 'in' ? 'in' : text === 'notin' ? 'notin' : 'identifier';
    tokens.push({ kind, text, position: start });
  }
}

// ---------------------------------------------------------------------------------------------------------
// Parser
// ---------------------------------------------------------------------------------------------------------

const BINARY_OPERATORS = 'in, notin, =, ==, !=, gt, lt';

/** Where a value came from, to point at it when it is invalid. */
interface PositionedValue {
  value: string;
  position: number;
}

class Parser {
  private readonly tokens: Token[];
  private index = 0;

  constructor(private readonly input: string) {
    this.tokens = tokenize(input);
  }

  /**
   * The current token. In a value position (everything except the operator slot) the keywords "in" and
   * "notin" are plain words, as in apimachinery (`x in (in)` and a key named `in` are valid).
   */
  private peek(operatorSlot = false): Token {
    const token = this.tokens[this.index] ?? { kind: 'end', text: '', position: this.input.length };
    if (!operatorSlot && (token.kind === 'in' || token.kind === 'notin'))
      return { ...token, kind: 'identifier' };
    return token;
  }

  private next(operatorSlot = false): Token {
    const token = this.peek(operatorSlot);
    if (this.index < this.tokens.length - 1) this.index++;
    return token;
  }

  private fail(message: string, position: number): never {
    throw new SelectorParseError(message, position);
  }

  private found(token: Token): string {
    return token.kind === 'end' ? 'found end of string' : `found '${token.text}'`;
  }

  parse(): Requirement[] {
    const requirements: Requirement[] = [];
    for (;;) {
      const token = this.peek();
      if (token.kind === 'end') return requirements;
      if (token.kind !== 'identifier' && token.kind !== '!') {
        this.fail(`${this.found(token)}, expected: !, identifier, or end of string`, token.position);
      }
      requirements.push(this.parseRequirement());
      const after = this.next();
      if (after.kind === 'end') return requirements;
      if (after.kind !== ',') {
        this.fail(`${this.found(after)}, expected: ',' or end of string`, after.position);
      }
      const following = this.peek();
      if (following.kind !== 'identifier' && following.kind !== '!') {
        this.fail(`${this.found(following)}, expected: identifier after ','`, following.position);
      }
    }
  }

  private parseRequirement(): Requirement {
    let token = this.next();
    const negated = token.kind === '!';
    if (negated) token = this.next();
    if (token.kind !== 'identifier') this.fail(`${this.found(token)}, expected: identifier`, token.position);
    const key = token.text;
    const keyError = labelKeyError(key);
    if (keyError !== undefined) this.fail(`invalid label key "${key}": ${keyError}`, token.position);

    if (negated) return { key, operator: 'DoesNotExist', values: [] };
    const lookahead = this.peek();
    if (lookahead.kind === 'end' || lookahead.kind === ',') return { key, operator: 'Exists', values: [] };

    const operatorToken = this.next(true);
    let operator: SelectorOperator;
    switch (operatorToken.kind) {
      case 'in':
        operator = 'In';
        break;
      case 'notin':
        operator = 'NotIn';
        break;
      case '=':
        operator = 'Equals';
        break;
      case '==':
        operator = 'DoubleEquals';
        break;
      case '!=':
        operator = 'NotEquals';
        break;
      case '>':
        operator = 'GreaterThan';
        break;
      case '<':
        operator = 'LessThan';
        break;
      default:
        this.fail(`${this.found(operatorToken)}, expected: ${BINARY_OPERATORS}`, operatorToken.position);
    }

    const values =
      operator === 'In' || operator === 'NotIn' ? this.parseValueSet() : [this.parseExactValue()];
    for (const { value, position } of values) {
      const valueError = labelValueError(value);
      if (valueError !== undefined)
        this.fail(`invalid label value "${value}" for key "${key}": ${valueError}`, position);
    }
    if (operator === 'GreaterThan' || operator === 'LessThan') {
      const [only] = values;
      if (only !== undefined && parseInt64(only.value) === undefined) {
        this.fail(`for '>' and '<' the value must be an integer, found '${only.value}'`, only.position);
      }
    }
    return { key, operator, values: sortedUnique(values.map((v) => v.value)) };
  }

  /** `( a, b, c )`; empty entries are the empty value, so `()` and `(a,)` are accepted. */
  private parseValueSet(): PositionedValue[] {
    const open = this.next();
    if (open.kind !== '(') this.fail(`${this.found(open)}, expected: '('`, open.position);
    const first = this.peek();
    if (first.kind === ')') {
      this.next();
      return [{ value: '', position: first.position }];
    }
    if (first.kind !== 'identifier' && first.kind !== ',') {
      this.fail(`${this.found(first)}, expected: ',', ')' or identifier`, first.position);
    }
    const values: PositionedValue[] = [];
    for (;;) {
      const token = this.next();
      if (token.kind === 'identifier') {
        values.push({ value: token.text, position: token.position });
        const after = this.peek();
        if (after.kind === ')') break;
        if (after.kind !== ',') this.fail(`${this.found(after)}, expected: ',' or ')'`, after.position);
      } else if (token.kind === ',') {
        // A comma with nothing before or after it stands for the empty value.
        if (values.length === 0) values.push({ value: '', position: token.position });
        const after = this.peek();
        if (after.kind === ')') {
          values.push({ value: '', position: after.position });
          break;
        }
        if (after.kind === ',') values.push({ value: '', position: after.position });
      } else {
        this.fail(`${this.found(token)}, expected: ',' or identifier`, token.position);
      }
    }
    this.next(); // the ')'
    return values;
  }

  /** The single value after =, ==, !=, > or <; nothing before ',' or the end is the empty value. */
  private parseExactValue(): PositionedValue {
    const token = this.peek();
    if (token.kind === 'end' || token.kind === ',') return { value: '', position: token.position };
    this.next();
    if (token.kind !== 'identifier') this.fail(`${this.found(token)}, expected: identifier`, token.position);
    return { value: token.text, position: token.position };
  }
}

function sortedUnique(values: string[]): string[] {
  return [...new Set(values)].sort(compareStrings);
}

/** Byte-wise order like Go's sort.Strings (for the ASCII that valid keys and values are made of). */
function compareStrings(a: string, b: string): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}

function sortRequirements(requirements: Requirement[]): Requirement[] {
  // Stable, by key; requirements on the same key keep their order.
  return [...requirements].sort((a, b) => compareStrings(a.key, b.key));
}

/**
 * Parses a selector in kubectl's `-l` syntax, e.g. `app=web,tier!=cache,env in (prod,staging),!canary,gen>2`.
 * Whitespace around tokens is ignored; the empty string selects everything.
 * @throws SelectorParseError with the index of the offending character.
 */
export function parseSelector(text: string): Selector {
  return { requirements: sortRequirements(new Parser(text).parse()) };
}

// ---------------------------------------------------------------------------------------------------------
// Matching and printing
// ---------------------------------------------------------------------------------------------------------

function requirementMatches(r: Requirement, labels: Record<string, string>): boolean {
  const has = Object.hasOwn(labels, r.key);
  const value = has ? labels[r.key] : undefined;
  switch (r.operator) {
    case 'In':
    case 'Equals':
    case 'DoubleEquals':
      return value !== undefined && r.values.includes(value);
    case 'NotIn':
    case 'NotEquals':
      return value === undefined || !r.values.includes(value);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
    case 'GreaterThan':
    case 'LessThan': {
      if (value === undefined || r.values.length !== 1) return false;
      const actual = parseInt64(value);
      const wanted = parseInt64(r.values[0] ?? '');
      if (actual === undefined || wanted === undefined) return false;
      return r.operator === 'GreaterThan' ? actual > wanted : actual < wanted;
    }
  }
}

/**
 * Whether an object with these labels is selected. Missing labels behave as apimachinery: `!=` and `notin`
 * match objects without the key; `>` and `<` need the key with an integer value.
 */
export function matchesSelector(selector: Selector, labels: Record<string, string> | undefined): boolean {
  if (selector.matchesNothing) return false;
  const set = labels ?? {};
  return selector.requirements.every((r) => requirementMatches(r, set));
}

/** True when the selector restricts nothing (it matches every object). */
export function isEverythingSelector(selector: Selector): boolean {
  return !selector.matchesNothing && selector.requirements.length === 0;
}

function requirementToString(r: Requirement): string {
  switch (r.operator) {
    case 'Exists':
      return r.key;
    case 'DoesNotExist':
      return `!${r.key}`;
    case 'Equals':
    case 'DoubleEquals':
      return `${r.key}=${r.values[0] ?? ''}`;
    case 'NotEquals':
      return `${r.key}!=${r.values[0] ?? ''}`;
    case 'In':
      return `${r.key} in (${r.values.join(',')})`;
    case 'NotIn':
      return `${r.key} notin (${r.values.join(',')})`;
    case 'GreaterThan':
      return `${r.key}>${r.values[0] ?? ''}`;
    case 'LessThan':
      return `${r.key}<${r.values[0] ?? ''}`;
  }
}

/**
 * The canonical text of a selector, accepted by the API server as `?labelSelector=` (URL-encode it) and by
 * `kubectl -l`. It is apimachinery's Selector.String() (requirements sorted by key, values sorted, joined by
 * ","), except that `==` is printed as `=`, so equal selectors print equally.
 * @throws InvalidSelectorError for a selector that matches nothing: no selector text means "nothing".
 */
export function selectorToString(selector: Selector): string {
  if (selector.matchesNothing) {
    throw new InvalidSelectorError('a selector that matches nothing has no labelSelector text');
  }
  return selector.requirements.map(requirementToString).join(',');
}

function validatedRequirement(key: string, operator: SelectorOperator, values: string[]): Requirement {
  const keyError = labelKeyError(key);
  if (keyError !== undefined) throw new InvalidSelectorError(`invalid label key "${key}": ${keyError}`);
  for (const value of values) {
    const valueError = labelValueError(value);
    if (valueError !== undefined) {
      throw new InvalidSelectorError(`invalid label value "${value}" for key "${key}": ${valueError}`);
    }
  }
  return { key, operator, values: sortedUnique(values) };
}

/**
 * The selector of a structured LabelSelector (Deployment, ReplicaSet, StatefulSet, DaemonSet, Job,
 * NetworkPolicy), as metav1.LabelSelectorAsSelector: matchLabels are `key=value`, matchExpressions use
 * In/NotIn/Exists/DoesNotExist. An empty LabelSelector matches everything; a missing one matches nothing.
 * @throws InvalidSelectorError for an invalid key, value, operator or value count.
 */
export function selectorFromLabelSelector(ls: V1LabelSelector | null | undefined): Selector {
  if (ls === undefined || ls === null) return { requirements: [], matchesNothing: true };
  const requirements: Requirement[] = [];
  for (const [key, value] of Object.entries(ls.matchLabels ?? {})) {
    requirements.push(validatedRequirement(key, 'Equals', [value]));
  }
  for (const expression of ls.matchExpressions ?? []) {
    const values = expression.values ?? [];
    switch (expression.operator) {
      case 'In':
      case 'NotIn':
        if (values.length === 0) {
          throw new InvalidSelectorError(
            `${expression.operator} on "${expression.key}" needs at least one value`,
          );
        }
        requirements.push(validatedRequirement(expression.key, expression.operator, values));
        break;
      case 'Exists':
      case 'DoesNotExist':
        if (values.length !== 0) {
          throw new InvalidSelectorError(`${expression.operator} on "${expression.key}" takes no values`);
        }
        requirements.push(validatedRequirement(expression.key, expression.operator, []));
        break;
      default:
        throw new InvalidSelectorError(`"${expression.operator}" is not a valid label selector operator`);
    }
  }
  return { requirements: sortRequirements(requirements) };
}

/**
 * The selector of a plain label map such as a Service's spec.selector: every pair must match exactly.
 * An empty or missing map gives a selector that matches everything (labels.SelectorFromSet); note that a
 * Service without a selector selects no pods at all, so callers should check for that first.
 * @throws InvalidSelectorError for an invalid key or value.
 */
export function selectorFromMap(map: Record<string, string> | null | undefined): Selector {
  const requirements = Object.entries(map ?? {}).map(([key, value]) =>
    validatedRequirement(key, 'Equals', [value]),
  );
  return { requirements: sortRequirements(requirements) };
}
