/**
 * Wires the app:// protocol into Electron. `registerAppScheme` must run before the app is ready
 * (privileged, standard, secure scheme, so the renderer gets a real origin and not file://);
 * `handleAppProtocol` serves the renderer and cached photos through createAppProtocolHandler.
 */
import { protocol } from 'electron';
import { APP_SCHEME, createAppProtocolHandler, type AppProtocolOptions } from './app-protocol';

export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: false, stream: false },
    },
  ]);
}

/** Call once the app is ready. */
export function handleAppProtocol(opts: AppProtocolOptions): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(opts));
}
