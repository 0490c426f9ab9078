/**
 * node:module resolve hook for the Electron smoke test: maps the bare specifier `electron` to the
 * recording stand-in (fake-electron.mjs). Registered only inside the smoke test's child process.
 */
const fakeElectronUrl = new URL('./fake-electron.mjs', import.meta.url).href;

export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'electron' || specifier === 'electron/main') {
    return { url: fakeElectronUrl, shortCircuit: true };
  }
  return nextResolve(specifier, context);
}
