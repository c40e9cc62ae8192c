import { describe, expect, it } from 'vitest';
import { deniedMessage } from './permissions';

describe('deniedMessage', () => {
  it('names what is not allowed, and the authorizer’s reason when there is one', () => {
    expect(
      deniedMessage('open a shell', 'demo', {
        state: 'denied',
        missing: ['create:pods/exec', 'get:pods/exec'],
      }),
    ).toBe('You may not open a shell in namespace demo: create:pods/exec and get:pods/exec are not allowed.');
    expect(
      deniedMessage('open a shell', 'demo', {
        state: 'denied',
        missing: ['create:pods/exec'],
        reason: 'denied by policy "no-exec"',
      }),
    ).toBe(
      'You may not open a shell in namespace demo: create:pods/exec is not allowed (denied by policy "no-exec").',
    );
  });
});
