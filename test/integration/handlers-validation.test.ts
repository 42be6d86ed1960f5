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
      error: { code: 'input', message: 'runId: must be 6-64 letters, digits, - or _' },
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

  it('settings refused on saving are each named by the label the app shows, all at once, never by route or key', async () => {
    const a = await app();
    const view = (await a.value('workspace:open', { dir: await bed.workspace(['cats']) }))!;
    const save = (edit: object) =>
      a.call('settings:save-workspace', { settings: { ...view.settings, ...edit } });
    const r = await save({ cacheMaxAgeHours: -5, windowDays: 400, velocityThreshold: -1 });
    expect(r).toMatchObject({
      ok: false,
      error: {
        code: 'input',
        message:
          'Velocity window (days): must be 365 or less; Cache lifetime (hours): must be 0 or more; ' +
          'Velocity threshold (weekly calendar): must be 0 or more',
      },
    });
    // Each field for the form to mark: the settings view matches them by their key.
    const fields = r.ok ? [] : (r.error.fields ?? []);
    expect(fields.map((f) => [f.field, f.label])).toEqual([
      ['settings.windowDays', 'Velocity window (days)'],
      ['settings.cacheMaxAgeHours', 'Cache lifetime (hours)'],
      ['settings.velocityThreshold', 'Velocity threshold (weekly calendar)'],
    ]);
    const own = await save({ ownAccounts: ['acme', 'bad name!!', 'x/y'] });
    expect(own.ok).toBe(false);
    const message = own.ok ? '' : own.error.message;
    expect(message).toMatch(
      /^Your own accounts: "bad name!!" is not a TikTok username: .*; "x\/y" is not a TikTok username/,
    );
    expect(own.ok ? [] : own.error.fields).toEqual([
      {
        field: 'ownAccounts',
        label: 'Your own accounts',
        message: message.replace('Your own accounts: ', ''),
      },
    ]);
    for (const said of [JSON.stringify(r), message]) {
      expect(said).not.toMatch(/IPC|settings:save-workspace|ownAccounts\[|"message":"[^"]*cacheMaxAgeHours/);
    }
  });
});
