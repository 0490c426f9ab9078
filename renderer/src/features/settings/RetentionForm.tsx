/**
 * Settings > Keep articles: retention days, the most articles per source and the storage budget
 * (empty: none), saved through updateSettings (the host validates again and prunes at once).
 * Inline errors per field; a status line says what happened.
 */
import { useEffect, useState, type FormEvent } from 'react';
import type { RetentionSettings } from '../../../../electron/shared/models';
import { errorMessage } from '../../api/errors';
import { useNews } from '../../api/NewsProvider';
import { useLoad } from '../../api/useLoad';
import { readRetentionDraft, RETENTION_LIMITS, type RetentionDraft, type RetentionField } from './retentionInput';

interface RetentionFormProps {
  /** Called after the host accepted new settings. */
  onSaved(settings: RetentionSettings): void;
}

const FIELDS: { field: RetentionField; id: string; label: string }[] = [
  { field: 'keepDays', id: 'retention-days', label: 'Keep articles for (days)' },
  { field: 'maxPerSource', id: 'retention-max', label: 'Most articles per source' },
  { field: 'storageBudgetMb', id: 'retention-budget', label: 'Storage budget (MB)' },
];

type Message = { text: string; failed: boolean } | null;

export function RetentionForm({ onSaved }: RetentionFormProps) {
  const news = useNews();
  const loaded = useLoad('retention-settings', (n) => n.getSettings());
  const [current, setCurrent] = useState<RetentionSettings | null>(null);
  const [draft, setDraft] = useState<RetentionDraft | null>(null);
  const [errors, setErrors] = useState<Partial<Record<RetentionField, string>>>({});
  const [message, setMessage] = useState<Message>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (loaded.data && !current) {
      setCurrent(loaded.data);
      setDraft(toDraft(loaded.data));
    }
  }, [loaded.data, current]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!draft || saving) return;
    const reading = readRetentionDraft(draft);
    if (!reading.ok) {
      setErrors(reading.errors);
      setMessage({ text: 'Not saved: check the highlighted fields.', failed: true });
      const first = FIELDS.find((f) => reading.errors[f.field]);
      if (first) document.getElementById(first.id)?.focus();
      return;
    }
    setErrors({});
    setSaving(true);
    setMessage({ text: 'Saving…', failed: false });
    try {
      const settings = await news.updateSettings(reading.patch);
      setCurrent(settings);
      setDraft(toDraft(settings));
      const budget = settings.storageBudgetMb === null ? 'no storage budget' : `a storage budget of ${settings.storageBudgetMb.toLocaleString('en-GB')} MB`;
      setMessage({ text: `Saved. Articles are kept for ${plural(settings.keepDays, 'day')}, at most ${plural(settings.maxPerSource, 'article')} per source, ${budget}.`, failed: false });
      onSaved(settings);
    } catch (err) {
      setMessage({ text: `Not saved: ${errorMessage(err)}`, failed: true });
    } finally {
      setSaving(false);
    }
  }

  return (
    <section className="settings__group" aria-labelledby="retention-heading">
      <h2 id="retention-heading">Keep articles</h2>
      {loaded.error && !draft && (
        <p className="settings__error" role="alert">
          Could not read the retention settings: {loaded.error}
        </p>
      )}
      {!draft && !loaded.error && <p className="settings__note">Loading…</p>}
      {draft && (
        <form className="settings__form" onSubmit={submit} noValidate>
          {FIELDS.map(({ field, id, label }) => {
            const error = errors[field];
            return (
              <div key={field} className="settings__field">
                <label htmlFor={id}>{label}</label>
                <input
                  id={id}
                  name={field}
                  type="number"
                  inputMode="numeric"
                  min={RETENTION_LIMITS[field].min}
                  max={RETENTION_LIMITS[field].max}
                  step={1}
                  value={draft[field]}
                  aria-invalid={error ? true : undefined}
                  placeholder={field === 'storageBudgetMb' ? 'No budget' : undefined}
                  aria-describedby={[error ? `${id}-error` : '', field === 'storageBudgetMb' ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined}
                  onChange={(e) => setDraft({ ...draft, [field]: e.target.value })}
                />
                {field === 'storageBudgetMb' && (
                  <p id={`${id}-hint`} className="settings__hint">
                    Leave empty for no budget.
                  </p>
                )}
                {error && (
                  <p id={`${id}-error`} className="settings__field-error">
                    {error}
                  </p>
                )}
              </div>
            );
          })}
          <p className="settings__note">
            Saved articles are always kept, and so are the newest{' '}
            {current ? plural(current.keepNewest, 'article') : 'few articles'} of each source. Older articles and their
            photos are removed when you save and after each sync, and the oldest of the rest while the data folder is
            over the storage budget.
          </p>
          <div className="settings__actions">
            <button type="submit" className="button" disabled={saving}>
              Save
            </button>
            <p role="status" aria-label="Retention status" className={`settings__status${message?.failed ? ' settings__status--failed' : ''}`}>
              {message?.text}
            </p>
          </div>
        </form>
      )}
    </section>
  );
}

function toDraft(settings: RetentionSettings): RetentionDraft {
  return {
    keepDays: String(settings.keepDays),
    maxPerSource: String(settings.maxPerSource),
    storageBudgetMb: settings.storageBudgetMb === null || settings.storageBudgetMb === undefined ? '' : String(settings.storageBudgetMb),
  };
}

function plural(count: number, noun: string): string {
  return `${count.toLocaleString('en-GB')} ${noun}${count === 1 ? '' : 's'}`;
}
