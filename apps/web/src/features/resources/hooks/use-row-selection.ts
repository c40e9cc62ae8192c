import type { ColumnDef } from '@tanstack/react-table';
import type { KindObject, PodListRow, WritableKind } from '@wheelhouse/shared-types';
import { useCallback, useMemo, useState } from 'react';
import { type RowSelection, selectColumn, toggleRow } from '../../../components/live-table/select-column';
import type { ObjectRow } from '../../../lib/kubectl/rows';
import { useCheckIn } from '../../../lib/permissions';

/**
 * Selecting rows of a list for an action on several (Delete N). The checkbox column shows on
 * request ("Select", or Space on a row), so the list otherwise prints kubectl's columns and nothing
 * else; only rows RBAC allows deleting can be selected (asked per namespace shown), and where
 * nothing can be, there is no Select at all.
 */
export function useRowSelection(
  kind: WritableKind,
  namespace: string | undefined,
  /** What the list holds: objects, or a Pods list's rows (both keyed by metadata.uid). */
  objects: readonly (KindObject | PodListRow)[] | undefined,
  rows: readonly ObjectRow[] | undefined,
  base: ColumnDef<ObjectRow, unknown>[],
) {
  const [selecting, setSelecting] = useState(false);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const namespaces = useMemo(
    () => (namespace !== undefined ? [namespace] : [...new Set(rows?.map((r) => r.namespace))]),
    [namespace, rows],
  );
  const deletable = useCheckIn(`delete:${kind}`, namespaces);
  const canSelect = [...deletable.values()].some((p) => p.allowed === true);
  const selection: RowSelection<ObjectRow> = useMemo(
    () => ({
      selected,
      onChange: setSelected,
      selectable: (row) => deletable.get(row.namespace)?.allowed === true,
    }),
    [selected, deletable],
  );
  const columns = useMemo(
    () => (selecting && canSelect ? [selectColumn(selection), ...base] : base),
    [selecting, canSelect, selection, base],
  );
  // Only what is still listed stays selected (a deleted object leaves the selection with its row).
  const chosen = useMemo(
    () => objects?.filter((o) => selected.has(o.metadata?.uid ?? '')) ?? [],
    [objects, selected],
  );
  const toggleSelecting = useCallback(() => {
    setSelecting((on) => !on);
    setSelected(new Set());
  }, []);
  const onRowSpace = useCallback(
    (row: ObjectRow) => {
      if (!canSelect) return;
      setSelecting(true);
      toggleRow(selection, row);
    },
    [canSelect, selection],
  );
  return {
    canSelect,
    selecting,
    columns,
    chosen,
    toggleSelecting,
    onRowSpace,
    clear: () => setSelected(new Set()),
  };
}
