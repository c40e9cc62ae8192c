import { createContext, type ReactNode, useContext } from 'react';

/**
 * The small, non-virtualised tables of the object pages (a Deployment's ReplicaSets, a pod's probe
 * events, an object's Events). Lists of a whole kind use the virtualised LiveTable instead.
 *
 * `framed`: the table draws its own border (on a page section); otherwise it sits in a card that
 * already has one (the detail pages). `mono`: cells print kubectl-like values in a monospace font.
 */
interface Look {
  framed: boolean;
  mono: boolean;
}

const LookContext = createContext<Look>({ framed: false, mono: false });

const STYLES = {
  framed: {
    box: 'overflow-x-auto rounded-md border border-slate-200 dark:border-slate-800',
    table: 'w-full',
    th: 'px-3 py-1.5 text-left font-medium text-slate-500 text-xs uppercase dark:text-slate-400',
    tr: 'border-slate-100 border-t dark:border-slate-800',
    td: 'px-3 py-1.5 text-sm',
  },
  plain: {
    box: 'overflow-x-auto',
    table: 'w-full border-collapse text-sm',
    th: 'border-slate-200 border-b px-2 py-1.5 text-left font-medium text-[11px] text-slate-500 uppercase tracking-wider first:pl-0 dark:border-slate-800 dark:text-slate-400',
    tr: undefined,
    td: 'border-slate-100 border-b px-2 py-1.5 align-top first:pl-0 dark:border-slate-800/70',
  },
} as const;

export function Table({
  label,
  headers,
  testId,
  framed = false,
  mono = false,
  footer,
  children,
}: {
  label: string;
  headers: readonly string[];
  testId?: string;
  framed?: boolean;
  mono?: boolean;
  /** Below the rows, inside the frame: "No pods.", "3 older ReplicaSets…". */
  footer?: ReactNode;
  children: ReactNode;
}) {
  const style = STYLES[framed ? 'framed' : 'plain'];
  return (
    <LookContext value={{ framed, mono }}>
      <div className={style.box}>
        <table aria-label={label} data-testid={testId} className={style.table}>
          <thead>
            <tr>
              {headers.map((h, i) => (
                <th key={i} scope="col" className={style.th}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>{children}</tbody>
        </table>
        {footer}
      </div>
    </LookContext>
  );
}

export function Row({ testId, children }: { testId?: string | undefined; children: ReactNode }) {
  const { framed } = useContext(LookContext);
  return (
    <tr data-testid={testId} className={STYLES[framed ? 'framed' : 'plain'].tr}>
      {children}
    </tr>
  );
}

/** A cell; `mono` overrides the table's (a free-text message in a table of values). */
export function Cell({
  children,
  className,
  mono,
}: {
  children?: ReactNode;
  className?: string;
  mono?: boolean;
}) {
  const look = useContext(LookContext);
  const classes = [
    STYLES[look.framed ? 'framed' : 'plain'].td,
    (mono ?? look.mono) ? 'font-mono tabular-nums' : '',
    className ?? '',
  ];
  return <td className={classes.filter(Boolean).join(' ')}>{children}</td>;
}

/** The footer line of a framed table. */
export function TableNote({ children }: { children: ReactNode }) {
  return (
    <p className="border-slate-100 border-t px-3 py-1.5 text-slate-500 text-xs dark:border-slate-800 dark:text-slate-400">
      {children}
    </p>
  );
}

/** A table given as data: one entry of cells per row. */
export function SimpleTable({
  label,
  headers,
  rows,
  testId,
  framed,
  mono,
}: {
  label: string;
  headers: readonly string[];
  rows: readonly { key: string; cells: ReactNode[]; testId?: string }[];
  testId?: string;
  framed?: boolean;
  mono?: boolean;
}) {
  return (
    <Table label={label} headers={headers} testId={testId} framed={framed} mono={mono}>
      {rows.map((row) => (
        <Row key={row.key} testId={row.testId}>
          {row.cells.map((cell, i) => (
            <Cell key={i}>{cell}</Cell>
          ))}
        </Row>
      ))}
    </Table>
  );
}
