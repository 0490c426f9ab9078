#!/usr/bin/env node
/**
 * Installs Electron's app binary with Electron's own installer (node_modules/electron/install.js,
 * the `install-electron` bin), so `npm install` leaves an app that `npm start` / `npm run dev` can
 * open. Why this exists: since Electron 42 the electron package has no postinstall; it downloads its
 * binary lazily on the first `require('electron')` (electron/electron#49328, RFC electron/rfcs#22),
 * but electron-vite reads node_modules/electron/path.txt without requiring it and throws
 * "Electron uninstall" when that file is missing (electron-vite 6, getElectronPath()).
 *
 *   node scripts/install-electron.mjs             postinstall: never fails `npm install`
 *   node scripts/install-electron.mjs --required  prestart / predev: exits 1 when there is no binary
 *
 * ELECTRON_SKIP_BINARY_DOWNLOAD=1 skips the download (Electron 45's installer no longer reads it,
 * electron/electron#50406, so this step checks it). Mirrors and caches work as Electron documents
 * (ELECTRON_MIRROR, electron_config_cache, ...: docs/tutorial/installation.md), because the download
 * is Electron's installer's. A failed download prints one plain line, never a stack trace; the
 * installer's own output is shown by running `npx install-electron --no`.
 * It installs the electron package of the project in the working directory (npm runs lifecycle
 * scripts in the project's folder). Tested by scripts/install-electron.test.ts against a stub
 * release served on 127.0.0.1 through ELECTRON_MIRROR.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';

const required = process.argv.includes('--required');
const projectDir = process.cwd();
const RETRY = 'run "npm run install-electron" once you are online (a mirror: set ELECTRON_MIRROR)';

/** Prints one line and ends: a problem goes to stderr, and fails (status 1) only with --required. */
function finish(line, problem) {
  (problem ? console.error : console.log)(line);
  process.exit(problem && required ? 1 : 0);
}

function isSet(value) {
  return value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false';
}

/** The binary Electron's index.js would start, when it is there (same rules as that file). */
function installedBinary(electronDir) {
  if (process.env.ELECTRON_EXEC_PATH && existsSync(process.env.ELECTRON_EXEC_PATH)) return process.env.ELECTRON_EXEC_PATH;
  const pathFile = join(electronDir, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  if (!executable) return null;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const binary = override ? join(override, executable) : join(electronDir, 'dist', executable);
  return existsSync(binary) ? binary : null;
}

/** What went wrong, in plain words, from the installer's error output. */
function describeFailure(output, downloadBase) {
  const http = /HTTPError: Response code (\d{3})[^\n]* for (\S+)/.exec(output);
  if (http) return `the download server answered HTTP ${http[1]} for ${http[2]}`;
  if (/did not match|checksum/i.test(output)) return 'the downloaded file did not match its published checksum';
  if (/does not have a published/i.test(output)) return `Electron publishes no binary for ${process.platform}/${process.arch}`;
  if (/fetch failed|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|socket hang up/i.test(output)) {
    return `could not reach ${downloadBase} (no network connection, or it is blocked)`;
  }
  if (/ENOSPC/.test(output)) return 'the disk is full';
  if (/EACCES|EPERM/.test(output)) return 'no permission to write into node_modules/electron';
  const first = output.split('\n').find((l) => l.trim() && !/^\s+at /.test(l));
  return first ? first.trim().slice(0, 200) : 'the installer stopped without saying why';
}

async function main() {
  let electronDir;
  try {
    electronDir = dirname(createRequire(join(projectDir, 'package.json')).resolve('electron/package.json'));
  } catch {
    // No electron package (e.g. `npm install --omit=dev`): nothing to install, unless it is needed now.
    if (!required) process.exit(0);
    finish('Electron is not installed in node_modules: run "npm install" first.', true);
    return;
  }
  const { version } = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8'));
  const present = installedBinary(electronDir);
  if (present) {
    if (!required) console.log(`Electron ${version} is installed: ${relative(projectDir, present)}`);
    process.exit(0);
  }
  if (isSet(process.env.ELECTRON_SKIP_BINARY_DOWNLOAD)) {
    finish(`Electron's binary was not downloaded (ELECTRON_SKIP_BINARY_DOWNLOAD is set); "npm start" needs it: unset it and ${RETRY}.`, required);
    return;
  }
  const installer = join(electronDir, 'install.js');
  if (!existsSync(installer)) {
    finish(`Electron ${version} has no install.js, so its binary cannot be installed from here.`, true);
    return;
  }
  const mirror = process.env.ELECTRON_MIRROR || process.env.npm_config_electron_mirror || 'https://github.com/electron/electron/releases/download/';
  console.log(`Downloading Electron ${version} for ${process.platform}/${process.arch} with Electron's installer (about 100 MB, once)...`);
  const child = spawn(process.execPath, [installer], { cwd: electronDir, stdio: ['ignore', 'inherit', 'pipe'], env: process.env });
  let errors = '';
  child.stderr.on('data', (chunk) => {
    if (errors.length < 64 * 1024) errors += chunk;
  });
  const status = await new Promise((resolve) => {
    child.on('error', (error) => {
      errors += String(error.message);
      resolve(1);
    });
    child.on('close', (code) => resolve(code ?? 1));
  });
  const binary = installedBinary(electronDir);
  if (status === 0 && binary) {
    finish(`Electron ${version} installed: ${relative(projectDir, binary)}`, false);
    return;
  }
  const host = (() => {
    try {
      return new URL(mirror).host;
    } catch {
      return mirror;
    }
  })();
  finish(`Electron's binary was not installed: ${describeFailure(errors, host)}. "npm start" needs it: ${RETRY}.`, true);
}

main().catch((error) => finish(`Electron's binary was not installed: ${error?.message ?? error}. ${RETRY}.`, true));
