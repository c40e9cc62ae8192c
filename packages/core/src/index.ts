export * from './age';
export * from './pod-status';
export * from './rollout';
export * from './selector';
