export * from './actions';
export * from './errors';
export * from './kinds';
export * from './logs';
export * from './protocol';
export * from './rest';
export * from './writes';
