export * from './age';
export * from './log-lines';
export * from './names';
export * from './pod-status';
export * from './probes';
export * from './revisions';
export * from './rollout';
export * from './selector';
