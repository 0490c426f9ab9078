/**
 * Settings > Storage: disk used by the data folder (photos, article bodies, index), how many
 * articles and photos are stored, how many are saved, and where the folder is; "of <budget>" next
 * to the disk used when a storage budget is set.
 */
import { useLoad } from '../../api/useLoad';
import { formatLongDateTime } from '../../ui/format/dates';
import { formatBytes } from '../../ui/format/bytes';

interface StorageSectionProps {
  /** Changes after a save, so the figures are measured again. */
  refreshKey: number;
}

export function StorageSection({ refreshKey }: StorageSectionProps) {
  const storage = useLoad(`storage-info:${refreshKey}`, (news) => news.getStorageInfo());
  const status = useLoad('status', (news) => news.getStatus());
  const saved = useLoad('saved-count', async (news) => (await news.listSaved()).length);
  const settings = useLoad(`storage-settings:${refreshKey}`, (news) => news.getSettings());
  const budgetMb = settings.data?.storageBudgetMb ?? null;
  const info = storage.data;

  return (
    <section className="settings__group" aria-labelledby="storage-heading">
      <h2 id="storage-heading">Storage</h2>
      {storage.error && (
        <p className="settings__error" role="alert">
          Could not measure the data folder: {storage.error}
        </p>
      )}
      {!info && !storage.error && <p className="settings__note">Measuring the data folder…</p>}
      {info && (
        <dl className="settings__facts settings__facts--grid" aria-label="Disk used">
          <div className="settings__total">
            <dt>Disk used</dt>
            <dd>
              <span data-testid="storage-total">{formatBytes(info.totalBytes)}</span>
              {budgetMb !== null && (
                <span className="settings__sub" data-testid="storage-budget">
                  {' '}
                  of {formatBytes(budgetMb * 1_000_000)}
                </span>
              )}
            </dd>
          </div>
          <div>
            <dt>Photos</dt>
            <dd>
              {formatBytes(info.photosBytes)}
              <span className="settings__sub"> · {plural(info.photos, 'photo')}</span>
            </dd>
          </div>
          <div>
            <dt>Articles</dt>
            <dd>{formatBytes(info.bodiesBytes + info.summariesBytes)}</dd>
          </div>
          <div>
            <dt>Sources and settings</dt>
            <dd>{formatBytes(info.indexBytes)}</dd>
          </div>
          <div>
            <dt>Search index</dt>
            <dd>
              {formatBytes(info.searchBytes)}
              {budgetMb !== null && <span className="settings__sub"> · outside the budget</span>}
            </dd>
          </div>
          <div>
            <dt>Articles stored</dt>
            <dd data-testid="storage-articles">{info.articles.toLocaleString('en-GB')}</dd>
          </div>
          {saved.data !== undefined && (
            <div>
              <dt>Saved for later</dt>
              <dd>{saved.data.toLocaleString('en-GB')}</dd>
            </div>
          )}
        </dl>
      )}
      {status.data && (
        <dl className="settings__facts settings__facts--below">
          <div>
            <dt>Last sync</dt>
            <dd>{status.data.lastSyncAt ? formatLongDateTime(status.data.lastSyncAt) : 'Never'}</dd>
          </div>
          <div>
            <dt>Data folder</dt>
            <dd className="settings__path">{status.data.dataDir}</dd>
          </div>
        </dl>
      )}
    </section>
  );
}

function plural(count: number, noun: string): string {
  return `${count.toLocaleString('en-GB')} ${noun}${count === 1 ? '' : 's'}`;
}
