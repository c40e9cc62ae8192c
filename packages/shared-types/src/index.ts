export * from './actions';
export * from './constants';
export * from './errors';
export * from './exec';
export * from './logs';
export * from './names';
export * from './protocol';
// The schema and the type of a kind under one name: the constants entry has the type alone (kinds.ts).
export { ResourceKind } from './protocol';
export * from './rest';
export * from './workload-logs';
export * from './writes';
