/**
 * Settings > Sync and photos: how often the app syncs on its own (refreshMinutes: Off or 15 min to
 * 24 h) and whether syncs download photos (downloadPhotos). Each change is saved at once through
 * updateSettings and confirmed in a status line ("Saved: syncs every hour; photos are downloaded.");
 * a failed save puts the control back, says why and raises a toast. The next scheduled sync is
 * shown when the host schedules one.
 */
import { useEffect, useId, useState } from 'react';
import type { AppSettings } from '../../../../electron/shared/models';
import { errorMessage } from '../../api/errors';
import { useNews } from '../../api/NewsProvider';
import { useLoad } from '../../api/useLoad';
import { formatClock, formatFullClock } from '../../ui/format/clock';
import { useToasts } from '../../ui/toasts/Toasts';
import { refreshOptions, syncSavedText } from './syncOptions';

type SyncPart = Pick<AppSettings, 'refreshMinutes' | 'downloadPhotos'>;

export function SyncSettings() {
  const news = useNews();
  const toasts = useToasts();
  const id = useId();
  const settings = useLoad('sync-settings', (n) => n.getSettings());
  const status = useLoad('sync-settings-status', (n) => n.getStatus());
  const [values, setValues] = useState<SyncPart | null>(null);
  const [message, setMessage] = useState<{ text: string; failed: boolean } | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (settings.data && values === null) {
      setValues({ refreshMinutes: settings.data.refreshMinutes ?? 30, downloadPhotos: settings.data.downloadPhotos ?? true });
    }
  }, [settings.data, values]);

  async function save(patch: Partial<SyncPart>) {
    if (!values) return;
    const before = values;
    setValues({ ...values, ...patch });
    setSaving(true);
    try {
      const saved = await news.updateSettings(patch);
      setValues({ refreshMinutes: saved.refreshMinutes, downloadPhotos: saved.downloadPhotos });
      setMessage({ text: syncSavedText(saved), failed: false });
    } catch (err) {
      setValues(before);
      setMessage({ text: `Not saved: ${errorMessage(err)}`, failed: true });
      toasts.show({ kind: 'error', title: 'The sync setting was not saved', message: errorMessage(err) });
    } finally {
      setSaving(false);
    }
  }

  const next = status.data?.nextSyncAt && values?.refreshMinutes ? status.data.nextSyncAt : null;
  return (
    <fieldset className="settings__group" aria-busy={saving || undefined}>
      <legend>Sync and photos</legend>
      {settings.error && !values && (
        <p className="settings__error" role="alert">
          Could not read the settings: {settings.error}
        </p>
      )}
      {values && (
        <div className="settings__form">
          <div className="settings__field settings__field--wide">
            <label htmlFor={`${id}-refresh`}>Sync automatically</label>
            <select
              id={`${id}-refresh`}
              value={values.refreshMinutes}
              onChange={(e) => void save({ refreshMinutes: Number(e.target.value) })}
              aria-describedby={`${id}-refresh-hint`}
            >
              {refreshOptions(values.refreshMinutes).map((o) => (
                <option key={o.minutes} value={o.minutes}>
                  {o.label}
                </option>
              ))}
            </select>
            <p id={`${id}-refresh-hint`} className="settings__hint">
              Also on start and when the network comes back.
              {next && (
                <>
                  {' '}
                  Next sync at <time dateTime={next} title={formatFullClock(next) ?? undefined}>{formatClock(next)}</time>.
                </>
              )}
            </p>
          </div>
          <div>
            <label className="settings__choice">
              <input
                type="checkbox"
                checked={values.downloadPhotos}
                onChange={(e) => void save({ downloadPhotos: e.target.checked })}
                aria-describedby={`${id}-photos-hint`}
              />
              Download photos
            </label>
            <p id={`${id}-photos-hint`} className="settings__hint">
              Off: articles are stored as text only, using less disk; their photos are not shown.
            </p>
          </div>
        </div>
      )}
      <p role="status" aria-label="Sync settings status" className={`settings__status${message?.failed ? ' settings__status--failed' : ''}`}>
        {message?.text}
      </p>
    </fieldset>
  );
}
