// How an error is put to the user: the cause (the message's first line) is in the alert itself, never behind a
// "Detail" click; the kind of error is said only where it adds to the message (an input problem is its message).
import { beforeEach, describe, expect, it } from 'vitest';

// The renderer's modules by a computed name: their DOM types stay out of the Node-side type check.
const load = (name: string): Promise<unknown> => import(/* @vite-ignore */ name);

interface Alert {
  title: string;
  message: string;
  detail: string;
  code?: string;
}
const { useUiStore } = (await load('../../src/renderer/src/stores/ui-store')) as {
  useUiStore: {
    getState(): { alert: Alert | null; report(what: string, e: unknown): void; dismissAlert(): void };
  };
};
const { BridgeError } = (await load('../../src/renderer/src/bridge')) as {
  BridgeError: new (code: string, message: string) => Error;
};

const ui = () => useUiStore.getState();
beforeEach(() => ui().dismissAlert());

describe('alert wording', () => {
  it('an input error says its cause in the alert, with no category and nothing hidden', () => {
    ui().report(
      'Estimating the run',
      new BridgeError('input', '/w/tags.csv: no candidate hashtags to score'),
    );
    expect(ui().alert).toEqual({
      title: 'Estimating the run',
      message: '/w/tags.csv: no candidate hashtags to score',
      detail: '',
      code: 'input',
      action: 'Estimating the run',
    });
  });

  it('a kind that adds to the message stays in the title; further lines are the detail', () => {
    ui().report(
      'Running',
      new BridgeError('auth', 'TikLiveAPI refused the API key (invalid key or empty balance)'),
    );
    expect(ui().alert).toMatchObject({
      title: 'Running: TikLiveAPI refused the key',
      message: 'TikLiveAPI refused the API key (invalid key or empty balance)',
      detail: '',
    });
    ui().report(
      'Saving the lists',
      new BridgeError('input', 'tags, item 2: not a hashtag\ntags, item 5: too long'),
    );
    expect(ui().alert).toMatchObject({
      title: 'Saving the lists',
      message: 'tags, item 2: not a hashtag',
      detail: 'tags, item 5: too long',
    });
  });

  it('a workspace in use keeps its code, so the welcome view can offer Open read-only', () => {
    ui().report('Opening the workspace', new BridgeError('locked', 'Held by anna on laptop since 10:02.'));
    expect(ui().alert).toMatchObject({
      title: 'Opening the workspace: The workspace is in use',
      code: 'locked',
    });
  });
});
