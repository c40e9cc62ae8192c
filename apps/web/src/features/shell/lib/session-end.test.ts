import { describe, expect, it } from 'vitest';
import { describeEnd } from './session-end';

describe('describeEnd', () => {
  it('gives the exit code, the deleted pod, a close or what broke', () => {
    expect(describeEnd({ sessionId: 'x1', reason: 'exited', exitCode: 0 })).toBe(
      'Session ended (exit code 0).',
    );
    expect(describeEnd({ sessionId: 'x1', reason: 'exited', exitCode: 130 })).toBe(
      'Session ended (exit code 130).',
    );
    expect(describeEnd({ sessionId: 'x1', reason: 'pod-deleted', message: 'pod web-1 was deleted' })).toBe(
      'Session ended: pod web-1 was deleted.',
    );
    expect(describeEnd({ sessionId: 'x1', reason: 'stopped' })).toBe('Session closed.');
    expect(
      describeEnd({ sessionId: 'x1', reason: 'error', message: 'the connection to the server was lost' }),
    ).toBe('Session lost: the connection to the server was lost.');
  });
});
