import { describe, expect, it } from 'vitest';
import { statusTone } from './status-tone';

describe('statusTone', () => {
  it.each([
    ['Running', 'ok'],
    ['Pending', 'progress'],
    ['ContainerCreating', 'progress'],
    ['Init:0/2', 'progress'],
    ['Terminating', 'progress'],
    ['Completed', 'done'],
    ['CrashLoopBackOff', 'error'],
    ['ImagePullBackOff', 'error'],
    ['Init:CrashLoopBackOff', 'error'],
    ['ExitCode:137', 'error'],
    ['OOMKilled', 'error'],
    ['Unknown', 'error'],
  ])('%s is %s', (status, tone) => {
    expect(statusTone(status)).toBe(tone);
  });
});
