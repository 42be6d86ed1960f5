// A crashed or hung window: reloaded with a notice, and a crash loop stopped by the counter so the user decides.
import { describe, expect, it } from 'vitest';
import { createCrashRecovery } from '../../src/main/shell/crash-recovery';

const MINUTE = 60_000;

function policy() {
  let t = 0;
  const p = createCrashRecovery({ now: () => t, maxReloads: 3, withinMs: 5 * MINUTE });
  return { p, advance: (ms: number) => (t += ms) };
}

describe('a crashed renderer', () => {
  it('is reloaded with a notice that says why', () => {
    const { p } = policy();
    const d = p.gone('crashed');
    expect(d).toMatchObject({ kind: 'reload', notice: { level: 'warning' } });
    if (d.kind === 'reload')
      expect(d.notice.text).toMatch(/^The window stopped \(crashed\) and was reloaded\./);
  });

  it('a clean exit (the window closed, the app quitting) is not a crash', () => {
    expect(policy().p.gone('clean-exit')).toEqual({ kind: 'ignore' });
  });

  it('a crash loop stops: after three reloads in five minutes the user is asked, reload or close', () => {
    const { p, advance } = policy();
    for (let i = 0; i < 3; i += 1) {
      expect(p.gone('oom').kind).toBe('reload');
      advance(MINUTE);
    }
    const fourth = p.gone('oom');
    expect(fourth.kind).toBe('ask');
    if (fourth.kind !== 'ask') return;
    expect(fourth.message).toBe("Tagfit's window stopped again (oom).");
    expect(fourth.detail).toContain('reloaded 3 times in the last 5 minutes');
    expect(fourth.buttons.map((b) => b.choice)).toEqual(['reload', 'close']);
  });

  it('old crashes age out: three crashes spread over an hour are each reloaded', () => {
    const { p, advance } = policy();
    for (let i = 0; i < 6; i += 1) {
      expect(p.gone('crashed').kind).toBe('reload');
      advance(10 * MINUTE);
    }
  });

  it('a reload the user chose counts toward the loop', () => {
    const { p } = policy();
    p.gone('crashed');
    p.gone('crashed');
    expect(p.chose('reload')).toBe('reload');
    expect(p.gone('crashed').kind).toBe('ask');
  });
});

describe('a hung renderer', () => {
  it('asks once (wait, reload, close) and takes the question down when the page answers again', () => {
    const { p } = policy();
    const q = p.unresponsive();
    expect(q.kind).toBe('ask');
    if (q.kind === 'ask') expect(q.buttons.map((b) => b.choice)).toEqual(['wait', 'reload', 'close']);
    // Electron repeats unresponsive while it lasts: one question is enough.
    expect(p.unresponsive()).toEqual({ kind: 'ignore' });
    expect(p.responsive()).toEqual({ kind: 'dismiss-question' });
    expect(p.responsive()).toEqual({ kind: 'ignore' });
  });

  it('after the user answered, a new hang asks again', () => {
    const { p } = policy();
    p.unresponsive();
    expect(p.chose('wait')).toBe('wait');
    expect(p.unresponsive().kind).toBe('ask');
  });
});
