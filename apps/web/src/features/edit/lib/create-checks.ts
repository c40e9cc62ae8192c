import { VIEWABLE_KINDS, writePermission } from '@wheelhouse/shared-types/constants';

/** What Create asks RBAC about: create on each kind Wheelhouse creates, in the namespace in view. */
export const CREATE_CHECKS = VIEWABLE_KINDS.map((k) => writePermission('create', k));
