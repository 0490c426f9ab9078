/**
 * Settings > Notifications: a checkbox per section; after a sync the desktop app shows a system
 * notification when new articles arrive in a chosen section (or one below it). Off by default (none
 * checked). Each change is saved at once through updateSettings({ notifySections }).
 */
import { useEffect, useState } from 'react';
import { errorMessage } from '../../api/errors';
import { useNews } from '../../api/NewsProvider';
import { useLoad } from '../../api/useLoad';

type Message = { text: string; failed: boolean } | null;

export function NotificationsSection() {
  const news = useNews();
  const sections = useLoad('notify-sections', (n) => n.listSections());
  const settings = useLoad('notify-settings', (n) => n.getSettings());
  const [chosen, setChosen] = useState<string[] | null>(null);
  const [message, setMessage] = useState<Message>(null);

  useEffect(() => {
    if (settings.data && chosen === null) setChosen(settings.data.notifySections ?? []);
  }, [settings.data, chosen]);

  async function toggle(key: string, on: boolean) {
    if (!chosen) return;
    const next = on ? [...chosen.filter((k) => k !== key), key] : chosen.filter((k) => k !== key);
    const before = chosen;
    setChosen(next);
    try {
      const saved = await news.updateSettings({ notifySections: next });
      setChosen(saved.notifySections);
      setMessage({
        text: saved.notifySections.length === 0 ? 'Saved: no notifications.' : `Saved: notifications for ${saved.notifySections.join(', ')}.`,
        failed: false,
      });
    } catch (err) {
      setChosen(before);
      setMessage({ text: `Not saved: ${errorMessage(err)}`, failed: true });
    }
  }

  // Every level of every section ("Guide" covers "Guide > Tips"); chosen sections that no longer
  // hold articles stay listed, so they can be turned off.
  const levels = (sections.data ?? []).flatMap((s) => s.path.map((_, i) => s.path.slice(0, i + 1).join(' > ')));
  const keys = [...new Set([...levels, ...(chosen ?? [])])];
  const error = sections.error ?? settings.error;

  return (
    <fieldset className="settings__group" aria-describedby="notify-note">
      <legend>Notifications</legend>
      <p className="settings__note">Notify me when new articles arrive in these sections:</p>
      {error && !chosen && (
        <p className="settings__error" role="alert">
          Could not read the sections: {error}
        </p>
      )}
      {chosen && keys.length === 0 && <p className="settings__note">No sections yet: add a source and sync.</p>}
      {chosen && (
        <div className="settings__checks">
          {keys.map((key) => (
            <label key={key} className="settings__choice">
              <input type="checkbox" checked={chosen.includes(key)} onChange={(e) => void toggle(key, e.target.checked)} />
              {key}
            </label>
          ))}
        </div>
      )}
      <p id="notify-note" className="settings__hint">
        A section includes the sections below it. Notifications appear only in the desktop app, after a sync.
      </p>
      <p role="status" aria-label="Notifications status" className={`settings__status${message?.failed ? ' settings__status--failed' : ''}`}>
        {message?.text}
      </p>
    </fieldset>
  );
}
