export * from './age';
export * from './pod-status';
export * from './selector';
