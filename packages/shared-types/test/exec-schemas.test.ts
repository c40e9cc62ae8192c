import { describe, expect, it } from 'vitest';
import {
  EXEC_INPUT_MAX_BYTES,
  ExecInputRequest,
  ExecResizeRequest,
  ExecStartRequest,
  ExecStopRequest,
  PermissionsQuery,
} from '../src';

const start = { namespace: 'demo', pod: 'api-1', container: 'app', csrf: 'token' };

describe('exec schemas', () => {
  it('takes a start with or without a command and an initial size', () => {
    expect(ExecStartRequest.parse(start)).toEqual(start);
    const full = { ...start, command: ['python3', '-q'], cols: 120, rows: 40, context: 'kind' };
    expect(ExecStartRequest.parse(full)).toEqual(full);
  });

  it('refuses a start without the CSRF token, with a bad pod or container, an empty command or extra fields', () => {
    const { csrf: _, ...noCsrf } = start;
    expect(ExecStartRequest.safeParse(noCsrf).success).toBe(false);
    expect(ExecStartRequest.safeParse({ ...start, pod: '../x' }).success).toBe(false);
    expect(ExecStartRequest.safeParse({ ...start, container: 'App' }).success).toBe(false);
    expect(ExecStartRequest.safeParse({ ...start, command: [] }).success).toBe(false);
    expect(ExecStartRequest.safeParse({ ...start, command: [''] }).success).toBe(false);
    expect(ExecStartRequest.safeParse({ ...start, command: 'bash' }).success).toBe(false);
    expect(ExecStartRequest.safeParse({ ...start, tty: false }).success).toBe(false);
    expect(ExecStartRequest.safeParse({ ...start, cols: 0 }).success).toBe(false);
  });

  it('bounds input, resize and stop', () => {
    expect(ExecInputRequest.safeParse({ sessionId: 'x1', data: 'ls\r' }).success).toBe(true);
    expect(ExecInputRequest.safeParse({ sessionId: 'x1', data: '' }).success).toBe(false);
    expect(
      ExecInputRequest.safeParse({ sessionId: 'x1', data: 'a'.repeat(EXEC_INPUT_MAX_BYTES + 1) }).success,
    ).toBe(false);
    expect(ExecResizeRequest.safeParse({ sessionId: 'x1', cols: 80, rows: 24 }).success).toBe(true);
    expect(ExecResizeRequest.safeParse({ sessionId: 'x1', cols: 80.5, rows: 24 }).success).toBe(false);
    expect(ExecResizeRequest.safeParse({ sessionId: 'x1', cols: 5000, rows: 24 }).success).toBe(false);
    expect(ExecStopRequest.safeParse({ sessionId: 'x1', force: true }).success).toBe(false);
  });

  it('lets the UI ask whether the user may open a shell (create pods/exec)', () => {
    expect(PermissionsQuery.parse({ namespace: 'demo', checks: 'create:pods/exec' }).checks).toEqual([
      { verb: 'create', resource: 'pods/exec' },
    ]);
  });
});
