// The notifier in the app: Electron's Notification, from main. Each one shown is held until clicked or closed:
// a notification the garbage collector took would lose its click.
import { Notification } from 'electron';
import type { Notifier } from '../services';
import type { AppNotification } from '../shell/notifications';

export function createElectronNotifier(onClick: (n: AppNotification) => void): Notifier {
  const shown = new Set<Notification>();
  return {
    notify(n) {
      if (!Notification.isSupported()) return;
      const note = new Notification({ title: n.title, body: n.body });
      shown.add(note);
      note.on('click', () => {
        shown.delete(note);
        onClick(n);
      });
      note.on('close', () => shown.delete(note));
      note.show();
    },
  };
}
