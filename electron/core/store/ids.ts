/**
 * Stable identities: article ids (a short hash of the dedupe key), source ids, and the cleaned link
 * used to recognise the same story arriving with different tracking parameters.
 */
import { createHash } from 'node:crypto';

/** Query parameters that only track the reader; removed before comparing links. */
const TRACKING_PARAMS = new Set([
  'fbclid', 'gclid', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'yclid', 'igshid', 'mc_cid', 'mc_eid',
  '_hsenc', '_hsmi', 'mkt_tok', 'ref_src', 'ref_url', 'cmpid', 'ocid', 'spm', 'at_medium', 'at_campaign',
  'ito', 'ns_mchannel', 'ns_source', 'ns_campaign', 'ns_linkname', 'ns_fee', 'vero_id', 'oly_enc_id', 'oly_anon_id',
]);

export function shortHash(text: string, length = 16): string {
  return createHash('sha256').update(text).digest('hex').slice(0, length);
}

/** Link without fragment, tracking parameters (utm_*, fbclid, …), default port; host lowercased and
 * remaining parameters sorted. Returns the input trimmed when it is not a URL. */
export function cleanLink(link: string): string {
  let url: URL;
  try {
    url = new URL(link.trim());
  } catch {
    return link.trim();
  }
  url.hash = '';
  const kept = [...url.searchParams].filter(([name]) => {
    const lower = name.toLowerCase();
    return !lower.startsWith('utm_') && !TRACKING_PARAMS.has(lower);
  });
  kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  url.search = '';
  for (const [name, value] of kept) url.searchParams.append(name, value);
  return url.toString();
}

export function sourceIdFor(feedUrl: string): string {
  return `s${shortHash(cleanLink(feedUrl), 12)}`;
}

export interface ArticleIdentity {
  sourceId: string;
  guid: string | null;
  link: string | null;
  /** Used only when there is neither guid nor link. */
  title?: string;
  summary?: string;
}

/** Every key under which this article may be found again; the first one names its id. */
export function dedupeKeys(identity: ArticleIdentity): string[] {
  const keys: string[] = [];
  const guid = identity.guid?.trim();
  if (guid) keys.push(`guid:${identity.sourceId}:${guid}`);
  if (identity.link) keys.push(urlKey(identity.link));
  if (keys.length === 0) {
    keys.push(`text:${identity.sourceId}:${shortHash(`${identity.title ?? ''}\n${identity.summary ?? ''}`, 32)}`);
  }
  return keys;
}

export function urlKey(link: string): string {
  return `url:${cleanLink(link)}`;
}

export function articleIdFor(primaryKey: string): string {
  return shortHash(primaryKey, 16);
}
