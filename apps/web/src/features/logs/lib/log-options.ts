/**
 * A log view's options as they live in the URL, so a link shows someone the same log the same way:
 * `container`, `follow=0`, `previous=1`, `tail=<n>|all`, `since=5m`, `timestamps=1`, `wrap=1`,
 * `filter=<text>`, `regex=1`, `case=1`, `matching=0` (show every line, matches highlighted).
 */
export interface LogOptions {
  container?: string;
  follow: boolean;
  previous: boolean;
  /** Lines from the end per container; 0 = all. */
  tail: number;
  since: SinceChoice;
  timestamps: boolean;
  wrap: boolean;
  filter: string;
  regex: boolean;
  caseSensitive: boolean;
  /** Only the lines that match the filter (default), or all of them with the matches highlighted. */
  onlyMatching: boolean;
}

export const SINCE_SECONDS = { '1m': 60, '5m': 300, '15m': 900, '1h': 3600, '6h': 21_600, '24h': 86_400 };
export type SinceChoice = '' | keyof typeof SINCE_SECONDS;
export const TAIL_CHOICES = [100, 500, 1000, 0] as const;
const MAX_TAIL = 100_000;

export function readLogOptions(params: URLSearchParams, defaultTail: number): LogOptions {
  const tailText = params.get('tail');
  const tailNumber = Number(tailText);
  const tail =
    tailText === 'all'
      ? 0
      : Number.isInteger(tailNumber) && tailNumber >= 1 && tailNumber <= MAX_TAIL
        ? tailNumber
        : defaultTail;
  const since = params.get('since') ?? '';
  return {
    ...(params.get('container') ? { container: params.get('container') ?? '' } : {}),
    follow: params.get('follow') !== '0',
    previous: params.get('previous') === '1',
    tail,
    since: since in SINCE_SECONDS ? (since as SinceChoice) : '',
    timestamps: params.get('timestamps') === '1',
    wrap: params.get('wrap') === '1',
    filter: params.get('filter') ?? '',
    regex: params.get('regex') === '1',
    caseSensitive: params.get('case') === '1',
    onlyMatching: params.get('matching') !== '0',
  };
}

/** `params` with `patch` written in; defaults are left out of the URL. */
export function writeLogOptions(
  params: URLSearchParams,
  patch: Partial<LogOptions>,
  defaultTail: number,
): URLSearchParams {
  const next = new URLSearchParams(params);
  const set = (key: string, value: string | undefined) => {
    if (value === undefined || value === '') next.delete(key);
    else next.set(key, value);
  };
  const flag = (value: boolean | undefined, on: boolean) => (value === on ? '1' : undefined);
  for (const [key, value] of Object.entries(patch) as Array<[keyof LogOptions, unknown]>) {
    switch (key) {
      case 'container':
        set('container', value as string | undefined);
        break;
      case 'follow':
        set('follow', value === false ? '0' : undefined);
        break;
      case 'previous':
      case 'timestamps':
      case 'wrap':
      case 'regex':
        set(key, flag(value as boolean, true));
        break;
      case 'caseSensitive':
        set('case', flag(value as boolean, true));
        break;
      case 'onlyMatching':
        set('matching', value === false ? '0' : undefined);
        break;
      case 'tail':
        set('tail', value === defaultTail ? undefined : value === 0 ? 'all' : String(value));
        break;
      case 'since':
      case 'filter':
        set(key, value as string);
        break;
    }
  }
  return next;
}

/** The request fields for the chosen tail and since. */
export function tailAndSince(options: LogOptions): { tailLines?: number; sinceSeconds?: number } {
  return {
    ...(options.tail > 0 ? { tailLines: options.tail } : {}),
    ...(options.since ? { sinceSeconds: SINCE_SECONDS[options.since] } : {}),
  };
}
