import type { V1PodTemplateSpec } from '@kubernetes/client-node';
import { diffLines } from 'diff';
import { stringify } from 'yaml';

export interface DiffLine {
  kind: 'added' | 'removed' | 'same';
  text: string;
}

/** A pod template as YAML with keys in a stable order, so two templates diff by content. */
export function templateYaml(template: V1PodTemplateSpec | undefined): string {
  return stringify(template ?? {}, { sortMapEntries: true, lineWidth: 0 });
}

/** The line diff (jsdiff) between two pod templates' YAML. */
export function diffTemplates(
  from: V1PodTemplateSpec | undefined,
  to: V1PodTemplateSpec | undefined,
): DiffLine[] {
  const lines: DiffLine[] = [];
  for (const change of diffLines(templateYaml(from), templateYaml(to))) {
    const kind = change.added ? 'added' : change.removed ? 'removed' : 'same';
    const text = change.value.endsWith('\n') ? change.value.slice(0, -1) : change.value;
    for (const line of text.split('\n')) lines.push({ kind, text: line });
  }
  return lines;
}

/** Unchanged runs longer than 2×context are folded, as `diff -U` does. */
export function foldContext(
  lines: readonly DiffLine[],
  context = 3,
): Array<DiffLine | { kind: 'fold'; count: number }> {
  const out: Array<DiffLine | { kind: 'fold'; count: number }> = [];
  let i = 0;
  while (i < lines.length) {
    if (lines[i]?.kind !== 'same') {
      out.push(lines[i] as DiffLine);
      i++;
      continue;
    }
    let j = i;
    while (j < lines.length && lines[j]?.kind === 'same') j++;
    const run = lines.slice(i, j);
    const head = i === 0 ? 0 : context;
    const tail = j === lines.length ? 0 : context;
    if (run.length > head + tail + 1) {
      out.push(
        ...run.slice(0, head),
        { kind: 'fold', count: run.length - head - tail },
        ...run.slice(run.length - tail),
      );
    } else out.push(...run);
    i = j;
  }
  return out;
}
