/**
 * The inline editors of one source on the Sources screen: rename (a text field), move to a
 * section (existing sections, the feed's own sections, or a new name) and the remove
 * confirmation. Each is a small form: Enter saves, Escape cancels, and the first control gets
 * the focus when it opens.
 */
import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import { OWN_SECTIONS_LABEL, parseSectionName } from './sourceText';

function escapeCancels(onCancel: () => void) {
  return (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onCancel();
    }
  };
}

export function RenameForm(props: { title: string; busy: boolean; onSave: (title: string) => void; onCancel: () => void }) {
  const id = useId();
  const [value, setValue] = useState(props.title);
  const [error, setError] = useState<string | null>(null);
  function submit(event: FormEvent) {
    event.preventDefault();
    const title = value.replace(/\s+/g, ' ').trim();
    if (!title) return setError('Enter a name for the source.');
    if (title.length > 300) return setError('Keep the name under 300 characters.');
    setError(null);
    props.onSave(title);
  }
  return (
    <form className="source__form" onSubmit={submit} onKeyDown={escapeCancels(props.onCancel)} aria-label={`Rename ${props.title}`} noValidate>
      <label htmlFor={`${id}-name`}>Source name</label>
      <div className="source__form-row">
        <input
          id={`${id}-name`}
          type="text"
          autoFocus
          value={value}
          maxLength={300}
          onChange={(e) => setValue(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        />
        <button type="submit" className="button button--small" disabled={props.busy}>
          {props.busy ? 'Saving…' : 'Save'}
        </button>
        <button type="button" className="button button--quiet button--small" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
      {error && (
        <p id={`${id}-error`} className="source__form-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

const OWN = '__own__';
const NEW = '__new__';

export function MoveForm(props: {
  title: string;
  current: string | null;
  choices: string[];
  busy: boolean;
  onSave: (section: string | null) => void;
  onCancel: () => void;
}) {
  const id = useId();
  const [choice, setChoice] = useState(props.current ?? OWN);
  const choices = props.current && !props.choices.includes(props.current) ? [props.current, ...props.choices] : props.choices;
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  function submit(event: FormEvent) {
    event.preventDefault();
    if (choice === OWN) return props.onSave(null);
    if (choice !== NEW) return props.onSave(choice);
    const parsed = parseSectionName(name);
    if ('error' in parsed) return setError(parsed.error);
    setError(null);
    props.onSave(parsed.key);
  }
  return (
    <form className="source__form" onSubmit={submit} onKeyDown={escapeCancels(props.onCancel)} aria-label={`Move ${props.title} to a section`} noValidate>
      <label htmlFor={`${id}-section`}>Show its articles under</label>
      <div className="source__form-row">
        <select id={`${id}-section`} autoFocus value={choice} onChange={(e) => setChoice(e.target.value)}>
          <option value={OWN}>{OWN_SECTIONS_LABEL}</option>
          {choices.map((key) => (
            <option key={key} value={key}>
              {key}
            </option>
          ))}
          <option value={NEW}>New section…</option>
        </select>
        {choice !== NEW && <FormButtons busy={props.busy} onCancel={props.onCancel} />}
      </div>
      {choice === NEW && (
        <>
          <label htmlFor={`${id}-name`}>New section name</label>
          <div className="source__form-row">
            <input
              id={`${id}-name`}
              type="text"
              value={name}
              maxLength={600}
              placeholder="Local, or News > City"
              onChange={(e) => setName(e.target.value)}
              aria-invalid={error ? true : undefined}
              aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
            />
            <FormButtons busy={props.busy} onCancel={props.onCancel} />
          </div>
          <p id={`${id}-hint`} className="source__form-hint">
            Use “&gt;” for a section inside another, as in “News &gt; City”.
          </p>
        </>
      )}
      {error && (
        <p id={`${id}-error`} className="source__form-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

function FormButtons({ busy, onCancel }: { busy: boolean; onCancel: () => void }) {
  return (
    <>
      <button type="submit" className="button button--small" disabled={busy}>
        {busy ? 'Saving…' : 'Save'}
      </button>
      <button type="button" className="button button--quiet button--small" onClick={onCancel}>
        Cancel
      </button>
    </>
  );
}

export function RemoveConfirm(props: { title: string; busy: boolean; onConfirm: () => void; onCancel: () => void }) {
  const id = useId();
  return (
    <div className="source__confirm" role="group" aria-labelledby={`${id}-q`} onKeyDown={escapeCancels(props.onCancel)}>
      <p id={`${id}-q`} className="source__confirm-question">
        Remove {props.title}?
      </p>
      <p className="source__confirm-note">Its unsaved articles are deleted from this computer. Saved articles stay in Saved.</p>
      <div className="source__form-row">
        <button type="button" className="button button--small button--danger" onClick={props.onConfirm} disabled={props.busy}>
          {props.busy ? 'Removing…' : 'Yes, remove'}
        </button>
        <button type="button" className="button button--quiet button--small" autoFocus onClick={props.onCancel}>
          Keep it
        </button>
      </div>
    </div>
  );
}
