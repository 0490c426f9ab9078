/**
 * Import and export of the source list as OPML: a labelled file input whose text goes to
 * importOpml (status: "Imported N sources (M already there)"), and a button that downloads
 * exportOpml's text as sources.opml through a blob: URL (same origin, allowed by the CSP).
 */
import { useRef, useState, type ChangeEvent } from 'react';
import { errorMessage } from '../../api/errors';
import { useNews, useStoreVersion } from '../../api/NewsProvider';

/** Files over this size are refused before reading (the host refuses more than 2 MiB of text). */
const MAX_FILE_BYTES = 2 * 1024 * 1024;

export function importStatus(result: { added: number; skipped: number; errors: string[] }): string {
  const sources = result.added === 1 ? 'source' : 'sources';
  const left = result.errors.length ? ` ${result.errors.length} ${result.errors.length === 1 ? 'entry was' : 'entries were'} left out.` : '';
  return `Imported ${result.added} ${sources} (${result.skipped} already there).${left}`;
}

export function OpmlPanel() {
  const news = useNews();
  const { changed } = useStoreVersion();
  const [status, setStatus] = useState<{ text: string; error: boolean; details: string[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  async function importFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return;
    setBusy(true);
    setStatus(null);
    try {
      if (file.size > MAX_FILE_BYTES) throw new Error('The file is larger than 2 MiB.');
      const result = await news.importOpml(await file.text());
      setStatus({ text: importStatus(result), error: false, details: result.errors });
      if (result.added > 0) changed();
    } catch (err) {
      setStatus({ text: `${file.name} could not be imported: ${errorMessage(err)}`, error: true, details: [] });
    } finally {
      setBusy(false);
      if (fileInput.current) fileInput.current.value = '';
    }
  }

  async function exportFile() {
    setStatus(null);
    try {
      const xml = await news.exportOpml();
      const url = URL.createObjectURL(new Blob([xml], { type: 'text/x-opml;charset=utf-8' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = 'sources.opml';
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setStatus({ text: 'Exported your sources to sources.opml.', error: false, details: [] });
    } catch (err) {
      setStatus({ text: `The sources could not be exported: ${errorMessage(err)}`, error: true, details: [] });
    }
  }

  return (
    <section className="sources__opml" aria-labelledby="opml-heading">
      <h2 id="opml-heading">Import and export</h2>
      <p className="sources__hint">OPML files move a list of feeds between news readers.</p>
      <div className="sources__opml-row">
        <label className="button button--quiet sources__file" aria-disabled={busy || undefined}>
          {busy ? 'Importing…' : 'Import OPML'}
          <input ref={fileInput} type="file" accept=".opml,.xml,text/x-opml,text/xml,application/xml" onChange={importFile} disabled={busy} />
        </label>
        <button type="button" className="button button--quiet" onClick={exportFile}>
          Export OPML
        </button>
      </div>
      <p className={status?.error ? 'notice notice--error' : 'sources__opml-status'} role="status">
        {status?.text ?? ''}
      </p>
      {status && status.details.length > 0 && (
        <ul className="sources__opml-details" aria-label="Entries left out">
          {status.details.map((d) => (
            <li key={d}>{d}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
