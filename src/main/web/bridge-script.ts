// The page-side half of the browser preview's bridge: `window.tagfit` over fetch (invoke) and server-sent events
// (progress), relative to the page's own tokened path. Served as a script of our own origin (CSP script-src
// 'self'); it exposes exactly the contract's shape, as the preload does in the app.
export const BRIDGE_SCRIPT = `(() => {
  const listeners = new Map();
  let source;
  const connect = () => {
    if (source) return;
    source = new EventSource('./bridge/events');
    source.onmessage = (m) => {
      const { channel, payload } = JSON.parse(m.data);
      for (const l of listeners.get(channel) ?? []) l(payload);
    };
  };
  const tagfit = {
    invoke: async (channel, request) => {
      try {
        const r = await fetch('./bridge/invoke', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ channel, payload: request ?? {} }),
        });
        if (!r.ok) return { ok: false, error: { code: 'internal', message: 'The preview bridge answered HTTP ' + r.status + '.' } };
        return await r.json();
      } catch (e) {
        return { ok: false, error: { code: 'network', message: 'The preview server is gone (' + e.message + '): start npm run web again.' } };
      }
    },
    on: (channel, listener) => {
      connect();
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel).add(listener);
      return () => listeners.get(channel).delete(listener);
    },
  };
  Object.defineProperty(window, 'tagfit', { value: Object.freeze(tagfit), writable: false });
  connect();
})();
`;
