export { namespacedWatchCount } from './apiserver-metrics';
export {
  type BffProcess,
  type BffProcessOptions,
  bffDistDir,
  freePort,
  readBffMetrics,
  startBffProcess,
} from './bff-process';
export { chromiumLaunchOptions } from './chromium';
export { type ClusterInfo, ensureCluster, type KubectlOptions, kubectl, repoRoot } from './cluster';
export { createDeployment, type DeploymentOptions } from './deployment';
export { type PodEventOptions, recordPodEvent } from './events';
export { type ExecOptions, type ExecResult, execInPod, openPodTerminal, type PodTerminal } from './exec';
export { appendPodLog, podLogFile } from './logs';
export { createTestNamespace, isNotFound, TEST_NAMESPACE_LABEL, type TestNamespace } from './namespace';
export { addRestarts, flipReadiness, type RestartOptions } from './pods';
export { type WaitOptions, waitFor } from './wait';
