export * from './actions';
export * from './errors';
export * from './kinds';
export * from './protocol';
export * from './rest';
