import { KINDS, VIEWABLE_KINDS, type ViewableKind } from '@wheelhouse/shared-types/constants';

/** The kinds with a list view and detail pages (the kinds record's `view`). */
export type { ViewableKind };

export interface ViewKind {
  kind: ViewableKind;
  /** Navigation label and view title. */
  label: string;
  /** How messages name the objects: "No pods in namespace default". */
  noun: string;
  /** How a page names one object: "Deployment api". */
  singular: string;
}

/** The views in the left navigation, in order; each is the route `/<kind>`. */
export const VIEW_KINDS: readonly ViewKind[] = VIEWABLE_KINDS.map((kind) => ({
  kind,
  ...KINDS[kind].view,
  singular: KINDS[kind].kind,
}));

export function viewKind(kind: string | undefined): ViewKind | undefined {
  return VIEW_KINDS.find((v) => v.kind === kind);
}
