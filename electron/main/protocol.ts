/**
 * Wires the app:// protocol into Electron. `registerAppScheme` must run before the app is ready
 * (privileged, standard, secure scheme, so the renderer gets a real origin and not file://; with
 * `codeCache: true` V8 caches the compiled renderer scripts between runs, which Electron allows
 * only for a standard scheme: Electron docs api/structures/custom-scheme.md, electron/electron#40544);
 * `handleAppProtocol` serves the renderer and cached photos through createAppProtocolHandler.
 */
import { protocol } from 'electron';
import { APP_SCHEME, createAppProtocolHandler, type AppProtocolOptions } from './app-protocol';

export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: false, stream: false, codeCache: true },
    },
  ]);
}

/** Call once the app is ready. */
export function handleAppProtocol(opts: AppProtocolOptions): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(opts));
}
