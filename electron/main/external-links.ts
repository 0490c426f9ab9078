/**
 * The rule for leaving the app lives in electron/shared/external-links.ts (the browser host's
 * service uses it too); re-exported here for the main process.
 */
export { externalUrlToOpen, isAllowedExternalUrl } from '../shared/external-links';
