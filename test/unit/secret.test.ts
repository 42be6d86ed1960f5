import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { Secret } from '../../src/core/secrets/secret';

describe('Secret', () => {
  it('never prints the key in strings, JSON or inspect, but reveals it on request', () => {
    const s = new Secret('canary-key-123');
    expect(String(s)).toBe('[redacted]');
    expect(JSON.stringify({ s })).not.toContain('canary-key-123');
    expect(inspect({ s })).not.toContain('canary-key-123');
    expect(s.reveal()).toBe('canary-key-123');
    expect(s.redact('bad key canary-key-123 here')).toBe('bad key [redacted] here');
  });
});
