// IPC dispatch before any handler: an unknown channel, a bad payload or an unknown field is refused with what and
// where, and nothing reaches the API.
import { describe, expect, it } from 'vitest';
import { useHandlerBed } from '../support/handler-bed';

const bed = useHandlerBed();
const { app } = bed;

describe('validation', () => {
  it('an unknown channel, a bad payload and an unknown field are refused with what and where, before any handler', async () => {
    const a = await app();
    expect(await a.call('nope:channel' as never, {})).toEqual({
      ok: false,
      error: { code: 'input', message: 'IPC: unknown channel nope:channel.' },
    });
    expect(await a.call('run:start', { runId: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'input', message: 'IPC run:start: runId: must be 6-64 letters, digits, - or _' },
    });
    expect(await a.call('lists:save', { list: 'tags', values: ['a'], path: '/etc/passwd' })).toMatchObject({
      ok: false,
      error: { code: 'input' },
    });
    expect(await a.call('run:start', {})).toMatchObject({
      ok: false,
      error: { code: 'input', message: 'No workspace is open: open or create one, or open the demo.' },
    });
    expect(bed.sim.stats().requests).toBe(0);
  });
});
