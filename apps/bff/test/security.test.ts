import { describe, expect, it } from 'vitest';
import { buildOriginPolicy, hostAllowed, originAllowed } from '../src/http/security';

const policy = buildOriginPolicy({
  host: '127.0.0.1',
  extraHosts: ['dash.example'],
  extraOrigins: ['http://127.0.0.1:5173'],
});

describe('Host and Origin policy', () => {
  it('accepts loopback names on any port and configured hosts, refuses rebinding names', () => {
    for (const h of ['127.0.0.1:7070', 'localhost:80', '[::1]:7070', 'dash.example', 'DASH.example:443']) {
      expect(hostAllowed(policy, h), h).toBe(true);
    }
    for (const h of ['evil.example', 'evil.example:7070', '127.0.0.1.evil.example', '', undefined]) {
      expect(hostAllowed(policy, h), String(h)).toBe(false);
    }
  });

  it('accepts only the same origin as the Host, or a listed origin', () => {
    expect(originAllowed(policy, 'http://127.0.0.1:7070', '127.0.0.1:7070')).toBe(true);
    expect(originAllowed(policy, 'http://127.0.0.1:5173', '127.0.0.1:7070')).toBe(true);
    // another local app on another port is another origin
    expect(originAllowed(policy, 'http://127.0.0.1:8080', '127.0.0.1:7070')).toBe(false);
    expect(originAllowed(policy, 'https://evil.example', '127.0.0.1:7070')).toBe(false);
    // same-origin with a rebinding Host is still refused
    expect(originAllowed(policy, 'http://evil.example:7070', 'evil.example:7070')).toBe(false);
    expect(originAllowed(policy, undefined, '127.0.0.1:7070')).toBe(false);
    expect(originAllowed(policy, 'null', '127.0.0.1:7070')).toBe(false);
  });

  it('does not treat a wildcard bind address as an allowed Host', () => {
    const open = buildOriginPolicy({ host: '0.0.0.0', extraHosts: [], extraOrigins: [] });
    expect(hostAllowed(open, '0.0.0.0:7070')).toBe(false);
    expect(hostAllowed(open, '127.0.0.1:7070')).toBe(true);
  });
});
