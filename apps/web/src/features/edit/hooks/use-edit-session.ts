/**
 * The YAML editor's states and transitions: editing → review (a server-side dry run) → applied,
 * with the 409 path (the current version read, the user's change re-applied onto it when it does not
 * overlap) and every error kept beside the user's text, which is never thrown away. The component
 * (EditYamlPanel) only renders what this returns.
 */
import type { KindObject, WritableKind, WriteResult } from '@wheelhouse/shared-types';
import { KINDS } from '@wheelhouse/shared-types/constants';
import { useCallback, useMemo, useState } from 'react';
import { getObject } from '../../../lib/get-object';
import { isConflict, type ObjectTarget, useEditObject } from '../api/writes';
import { type EditDoc, editDoc, secretValueChanges, toYaml } from '../lib/edit-doc';
import { changedPaths, formatPath, type RebaseResult, rebaseEdit } from '../lib/three-way';
import { checkYaml, type ExpectedObject, parseDocuments } from '../lib/yaml-check';

export type EditStage =
  | { stage: 'editing' }
  | { stage: 'review'; result: WriteResult }
  | {
      stage: 'conflict';
      /** The version the write was refused against, as the editor edits it. */
      current: EditDoc;
      currentObject: KindObject<WritableKind>;
      /** Set after "Re-apply my changes" was refused. */
      refused?: Extract<RebaseResult, { ok: false }>;
    };

interface Base {
  doc: EditDoc;
  object: KindObject<WritableKind>;
  resourceVersion: string;
}

function baseOf(kind: WritableKind, object: KindObject<WritableKind>): Base {
  return { doc: editDoc(kind, object), object, resourceVersion: object.metadata?.resourceVersion ?? '' };
}

export function useEditSession(
  target: ObjectTarget,
  initial: KindObject<WritableKind>,
  onApplied: (result: WriteResult) => void,
) {
  const { kind, namespace, name } = target;
  const [base, setBase] = useState<Base>(() => baseOf(kind, initial));
  const [text, setText] = useState(() => toYaml(base.doc));
  const [stage, setStage] = useState<EditStage>({ stage: 'editing' });
  const [error, setError] = useState<unknown>();
  const [loadingCurrent, setLoadingCurrent] = useState(false);
  const put = useEditObject(target);
  const expected: ExpectedObject = useMemo(
    () => ({ apiVersion: KINDS[kind].apiVersion, kind: KINDS[kind].kind, name, namespace }),
    [kind, name, namespace],
  );
  const problems = useMemo(() => checkYaml(text, expected), [text, expected]);

  /** The object as the user's text has it (only when the text is valid). */
  const edited = useMemo(
    () => (problems.length === 0 ? parseDocuments(text)[0] : undefined),
    [text, problems],
  );
  const mine = useMemo(
    () => (edited === undefined ? [] : changedPaths(base.doc, edited).map(formatPath)),
    [base.doc, edited],
  );

  /**
   * Sends the text as the write conditioned on `from`. A 409 reads the current version: when only
   * what the editor leaves out moved on (the status a controller wrote, the resourceVersion), the
   * same write is sent once more at the current version — what the user saw is still what is stored,
   * as the rollout cockpit does for its actions; otherwise the conflict view shows what changed.
   */
  const send = useCallback(
    async (dryRun: boolean, yaml = text, from: Base = base) => {
      const attempt = async (at: Base, retried: boolean): Promise<void> => {
        setError(undefined);
        try {
          const result = await put.mutateAsync({ yaml, resourceVersion: at.resourceVersion, dryRun });
          if (dryRun) setStage({ stage: 'review', result });
          else onApplied(result);
          return;
        } catch (e) {
          if (!isConflict(e)) {
            setError(e);
            return;
          }
        }
        setLoadingCurrent(true);
        let current: KindObject<WritableKind>;
        try {
          current = await getObject(kind, namespace, name);
        } catch (readError) {
          // Deleted meanwhile, or no longer readable: say so; the text stays.
          setError(readError);
          setStage({ stage: 'editing' });
          return;
        } finally {
          setLoadingCurrent(false);
        }
        const next = baseOf(kind, current);
        const moved = [...changedPaths(at.doc, next.doc), ...secretValueChanges(kind, at.object, current)];
        if (moved.length === 0 && !retried) {
          setBase(next);
          return attempt(next, true);
        }
        setStage({ stage: 'conflict', current: next.doc, currentObject: current });
      };
      await attempt(from, false);
    },
    [put, text, base, onApplied, kind, namespace, name],
  );

  const review = useCallback(() => {
    if (problems.length === 0) void send(true);
  }, [problems.length, send]);
  const apply = useCallback(() => void send(false), [send]);
  const backToEdit = useCallback(() => {
    setStage({ stage: 'editing' });
    setError(undefined);
  }, []);

  /** Replays the user's change onto the current version; on success reviews it at once. */
  const reapply = useCallback(() => {
    if (stage.stage !== 'conflict' || edited === undefined) return;
    const result = rebaseEdit(
      base.doc,
      edited,
      stage.current,
      secretValueChanges(kind, base.object, stage.currentObject),
    );
    if (!result.ok) {
      setStage({ ...stage, refused: result });
      return;
    }
    const next = baseOf(kind, stage.currentObject);
    const yaml = toYaml(result.object);
    setBase(next);
    setText(yaml);
    setStage({ stage: 'editing' });
    void send(true, yaml, next);
  }, [stage, edited, base, kind, send]);

  /** Drops the edit and starts again from the current version. */
  const startOver = useCallback(() => {
    if (stage.stage !== 'conflict') return;
    const next = baseOf(kind, stage.currentObject);
    setBase(next);
    setText(toYaml(next.doc));
    setStage({ stage: 'editing' });
    setError(undefined);
  }, [stage, kind]);

  return {
    base,
    text,
    setText: (t: string) => {
      setText(t);
      if (stage.stage === 'review') setStage({ stage: 'editing' });
    },
    stage,
    error,
    problems,
    expected,
    edited,
    mine,
    busy: put.isPending || loadingCurrent,
    review,
    apply,
    backToEdit,
    reapply,
    startOver,
  };
}
