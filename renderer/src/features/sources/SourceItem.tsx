/**
 * One source on the Sources screen: title, feed URL, last sync (relative; the full local time in
 * the title attribute), article count, section, last error in words and the back-off while
 * scheduled syncs skip it; with Rename, Move and Remove (confirmed; saved articles stay).
 * Failures of these actions show a toast; success is said in the screen's status line.
 */
import { useRef, useState } from 'react';
import type { Source } from '../../../../electron/shared/models';
import { errorMessage } from '../../api/errors';
import { useNews, useStoreVersion } from '../../api/NewsProvider';
import { formatFullClock } from '../../ui/format/clock';
import { formatRelative } from '../../ui/format/dates';
import { useToasts } from '../../ui/toasts/Toasts';
import { MoveForm, RemoveConfirm, RenameForm } from './SourceForms';
import { backoffText, explainError, OWN_SECTIONS_LABEL, sectionKeyOf } from './sourceText';

type Mode = 'view' | 'rename' | 'move' | 'remove';

export function SourceItem(props: { source: Source; sectionChoices: string[]; now: number; onMessage: (text: string) => void }) {
  const { source: s } = props;
  const news = useNews();
  const { changed } = useStoreVersion();
  const toasts = useToasts();
  const [mode, setMode] = useState<Mode>('view');
  const [busy, setBusy] = useState(false);
  const buttons = { rename: useRef<HTMLButtonElement>(null), move: useRef<HTMLButtonElement>(null), remove: useRef<HTMLButtonElement>(null) };
  const title = s.title || s.url;
  const section = sectionKeyOf(s.section);
  const backoff = backoffText(s, props.now);

  /** Closes an editor and puts the focus back on the button that opened it. */
  function close(from: Exclude<Mode, 'view'>) {
    setMode('view');
    requestAnimationFrame(() => buttons[from].current?.focus());
  }

  async function run(action: string, from: Exclude<Mode, 'view'>, work: () => Promise<string>) {
    setBusy(true);
    try {
      const done = await work();
      props.onMessage(done);
      if (from === 'remove') document.getElementById('main')?.focus();
      else close(from);
      changed();
    } catch (err) {
      toasts.show({ kind: 'error', title: `Could not ${action} ${title}`, message: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  }

  const rename = (next: string) =>
    run('rename', 'rename', async () => {
      if (next === s.title) return `${title} keeps its name.`;
      await news.updateSource({ id: s.id, title: next });
      return `Renamed ${title} to ${next}.`;
    });

  const move = (key: string | null) =>
    run('move', 'move', async () => {
      await news.updateSource({ id: s.id, section: key });
      return key === null ? `${title} follows the feed’s own sections again.` : `Moved ${title} to ${key}.`;
    });

  const remove = () =>
    run('remove', 'remove', async () => {
      await news.removeSource(s.id);
      return `Removed ${title}. Its saved articles stay in Saved.`;
    });

  return (
    <li className="source">
      <div className="source__main">
        <div className="source__text">
          <h2 className="source__title">{title}</h2>
          <p className="source__url">{s.url}</p>
          <dl className="source__facts">
            <div>
              <dt>Last sync</dt>
              <dd>
                {s.lastSyncAt ? (
                  <time dateTime={s.lastSyncAt} title={formatFullClock(s.lastSyncAt) ?? undefined}>
                    {formatRelative(s.lastSyncAt, props.now)}
                  </time>
                ) : (
                  'Never'
                )}
              </dd>
            </div>
            <div>
              <dt>Articles</dt>
              <dd>{s.articleCount}</dd>
            </div>
            <div>
              <dt>Section</dt>
              <dd>{section ?? OWN_SECTIONS_LABEL}</dd>
            </div>
          </dl>
        </div>
        <div className="source__actions">
          <button ref={buttons.rename} type="button" className="button button--quiet button--small"
            aria-label={`Rename ${title}`} aria-expanded={mode === 'rename'} onClick={() => setMode('rename')}>
            Rename
          </button>
          <button ref={buttons.move} type="button" className="button button--quiet button--small"
            aria-label={`Move ${title} to a section`} aria-expanded={mode === 'move'} onClick={() => setMode('move')}>
            Move
          </button>
          <button ref={buttons.remove} type="button" className="button button--quiet button--small"
            aria-label={`Remove source ${title}`} aria-expanded={mode === 'remove'} onClick={() => setMode('remove')}>
            Remove
          </button>
        </div>
      </div>
      {s.lastError && (
        <p className="source__error">
          <strong>Last error:</strong> {explainError(s.lastError)}
        </p>
      )}
      {backoff && <p className="source__backoff">{backoff}</p>}
      {mode === 'rename' && <RenameForm title={title} busy={busy} onSave={rename} onCancel={() => close('rename')} />}
      {mode === 'move' && (
        <MoveForm title={title} current={section} choices={props.sectionChoices} busy={busy} onSave={move} onCancel={() => close('move')} />
      )}
      {mode === 'remove' && <RemoveConfirm title={title} busy={busy} onConfirm={remove} onCancel={() => close('remove')} />}
    </li>
  );
}
