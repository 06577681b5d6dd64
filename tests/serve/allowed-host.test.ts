import { describe, expect, it } from 'vitest';
import { isAllowedHost } from '../../src/serve/allowed-host.js';

describe('isAllowedHost', () => {
  it.each([
    ['127.0.0.1:4000', '127.0.0.1'],
    ['localhost:4000', '127.0.0.1'],
    ['localhost.:4000', '127.0.0.1'],
    ['[::1]:4000', '127.0.0.1'],
    ['[::1]:4000', '::1'],
    ['preview.lan:4000', 'preview.lan'],
    ['192.168.1.20:4000', '0.0.0.0'],
    ['[fe80::1]:4000', '::'],
  ])('accepts %s when bound to %s', (header, bound) => {
    expect(isAllowedHost(header, bound, 4000)).toBe(true);
  });

  it.each([
    [undefined, '127.0.0.1'],
    ['', '127.0.0.1'],
    ['evil.example:4000', '127.0.0.1'],
    ['evil.example:4000', '0.0.0.0'],
    ['localhost:4001', '127.0.0.1'],
    ['localhost', '127.0.0.1'],
    ['192.168.1.20:4000', '127.0.0.1'],
    ['127.0.0.1:4000@evil.example', '127.0.0.1'],
    ['127.0.0.1:4000 evil', '127.0.0.1'],
    ['localhost.evil.example:4000', '127.0.0.1'],
    ['[::1:4000', '127.0.0.1'],
  ])('refuses %s when bound to %s', (header, bound) => {
    expect(isAllowedHost(header, bound, 4000)).toBe(false);
  });

  it('takes a request without a port as port 80', () => {
    expect(isAllowedHost('localhost', '127.0.0.1', 80)).toBe(true);
  });
});
