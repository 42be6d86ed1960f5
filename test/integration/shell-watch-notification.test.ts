// The watch notification is sent by main: watch:run-due hands its notice to the notifier service (Electron's
// Notification in the app); a run that is not due sends nothing.
import { describe, expect, it } from 'vitest';
import { useHandlerBed } from '../support/handler-bed';

const bed = useHandlerBed();

describe('watch:run-due notifies through main', () => {
  it('a due run sends one notification, with the notice it answers and Watch as its view; not due, none', async () => {
    const ws = await bed.workspace(['founderlife', 'booktok', 'uxdesign']);
    const a = await bed.app();
    await a.value('workspace:open', { dir: ws });
    const first = await a.value('watch:run-due', {});
    expect(first.due).toBe(true);
    if (!first.due) return;
    expect(a.notifications).toEqual([{ ...first.notice, view: 'watch' }]);
    expect(await a.value('watch:run-due', {})).toMatchObject({ due: false });
    expect(a.notifications).toHaveLength(1);
  });
});
