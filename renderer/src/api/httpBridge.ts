/**
 * The NewsBridge of the browser host: one `POST /api/<channel>` per method (JSON body `{"arg"}`,
 * cookie auth on the same origin) and server-sent events from `GET /api/events`, both built from
 * the channel tables of the shared contract so they cannot drift from the Electron preload.
 */
import { channels, eventChannels, eventNames, methodNames } from '../../../electron/shared/contract';
import type { NewsBridge, NewsEventName, NewsEvents, NewsMethod } from '../../../electron/shared/contract';

interface HostReply {
  ok: boolean;
  result?: unknown;
  error?: string;
}

export interface HttpBridgeOptions {
  /** Origin-relative base of the API, "/api" by default. */
  base?: string;
  /** Optional token sent as X-News-Token (the cookie is the normal way). */
  token?: string | null;
  fetchImpl?: typeof fetch;
  eventSourceImpl?: typeof EventSource;
}

async function readError(response: Response): Promise<string> {
  const text = await response.text().catch(() => '');
  try {
    const body = JSON.parse(text) as HostReply;
    if (body && typeof body.error === 'string' && body.error) return body.error;
  } catch {
    // not JSON: fall through
  }
  return text.trim().slice(0, 300) || `Request failed (${response.status} ${response.statusText})`;
}

export function createHttpBridge(options: HttpBridgeOptions = {}): NewsBridge {
  const base = options.base ?? '/api';
  const doFetch = options.fetchImpl ?? ((...args: Parameters<typeof fetch>) => fetch(...args));

  async function call(method: NewsMethod, arg: unknown): Promise<unknown> {
    const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'application/json' };
    if (options.token) headers['X-News-Token'] = options.token;
    let response: Response;
    try {
      response = await doFetch(`${base}/${channels[method]}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers,
        body: JSON.stringify(arg === undefined ? {} : { arg }),
      });
    } catch (err) {
      throw new Error(`The reader's host is not reachable (${err instanceof Error ? err.message : String(err)})`, { cause: err });
    }
    if (!response.ok) throw new Error(await readError(response));
    const body = (await response.json()) as HostReply;
    if (!body.ok) throw new Error(body.error || 'The host refused the request');
    return body.result;
  }

  const listeners = new Map<NewsEventName, Set<(payload: never) => void>>();
  let source: EventSource | null = null;

  function ensureEventSource(): void {
    if (source) return;
    const ES = options.eventSourceImpl ?? (typeof EventSource === 'undefined' ? null : EventSource);
    if (!ES) return;
    source = new ES(`${base}/events`);
    for (const name of eventNames) {
      source.addEventListener(eventChannels[name], (event) => {
        let payload: unknown;
        try {
          payload = JSON.parse((event as MessageEvent<string>).data);
        } catch {
          return;
        }
        for (const listener of listeners.get(name) ?? []) {
          try {
            (listener as (p: unknown) => void)(payload);
          } catch (err) {
            console.error(`[news-bridge] listener for ${name} failed`, err);
          }
        }
      });
    }
  }

  const api = Object.fromEntries(methodNames.map((m) => [m, (arg?: unknown) => call(m, arg)])) as unknown as Omit<
    NewsBridge,
    'on'
  >;

  return {
    ...api,
    on<E extends NewsEventName>(event: E, listener: (payload: NewsEvents[E]) => void): () => void {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener as (payload: never) => void);
      ensureEventSource();
      return () => {
        set.delete(listener as (payload: never) => void);
      };
    },
  } as NewsBridge;
}
