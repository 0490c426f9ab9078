/**
 * Test helper process for the 'sync' crash mode (crash-harness.ts): opens the store in argv[2],
 * adds a new feed of the crash site (argv[4], crash-sync-server.ts) and syncs it, again and again,
 * printing "ack article <id>" after each article the sync stored (its upsertArticle resolved).
 * The harness kills it with SIGKILL at random moments: during feed, page and photo downloads,
 * body and index writes.
 */
import { NewsStore } from './store';
import { syncSources } from '../sync/sync';

const dataDir = process.argv[2]!;
const prefix = process.argv[3] ?? 'run';
const base = process.argv[4]!;
const store = await NewsStore.open(dataDir);
const upsert = store.upsertArticle.bind(store);
store.upsertArticle = async (input) => {
  const result = await upsert(input);
  process.stdout.write(`ack article ${result.id}\n`);
  return result;
};
process.stdout.write('ready\n');
for (let n = 0; ; n++) {
  const { source } = await store.addSource({ url: `${base}/feed/${prefix}-${n}.xml` });
  await syncSources({ store, sourceIds: [source.id] });
}
