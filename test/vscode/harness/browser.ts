// Headless Debian Chromium driven by playwright-core (which never downloads a browser of its own here).
import { Browser, chromium, Page } from 'playwright-core';
import { EditorEnv } from './editor-env';
import { RunScope } from './scope';
import { SessionDirs } from './session-dirs';

const CHROMIUM_FLAGS = [
  '--no-sandbox', // we run as root in a container
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking', // no calls home: this machine has no internet
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-crash-reporter', // no crashpad handler outliving the browser
  '--disable-breakpad',
  '--disable-extensions',
];

export async function openBrowserPage(scope: RunScope, editor: EditorEnv, dirs: SessionDirs): Promise<Page> {
  const browser: Browser = await chromium.launch({
    executablePath: editor.chromium,
    headless: true,
    args: CHROMIUM_FLAGS,
    env: dirs.processEnv(),
    // Playwright's own handlers exit the process at once: the run's scope must stop code-server and the emulator too
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  scope.own(() => browser.close());
  return browser.newPage({ viewport: { width: 1400, height: 900 } });
}
