export * from './age';
export * from './pod-status';
