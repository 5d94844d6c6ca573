// Steps through the app's own controls that many spec files need, by role and label, and the
// spec files' shared set-up (useApp).

import { after, before } from 'node:test';
import { distDir } from './paths.mjs';
import { startServer } from './server.mjs';
import { launchBrowser, newPage } from './browser.mjs';

/** Acts as another user: account menu › Switch user › the option "<Full name> — <Role>". */
export async function switchUser(page, label) {
  await page.getByRole('button', { name: /Account menu/ }).click();
  await page.getByLabel('Switch user').selectOption({ label });
  await page.getByRole('button', { name: /Account menu/ }).click();
}

/** The names offered by the workspace's Current inbox selector. */
export async function inboxOptions(page) {
  await page.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor();
  return page.getByLabel('Current inbox').locator('option').allTextContents();
}

/**
 * The set-up every spec file shares: the built app served from dist/ (optionally proxying the
 * mail server) and one headless Chromium, started before the file's tests and stopped after.
 * `withPage(fn)` runs `fn(page, context)` in a fresh browser context (its own storage), closed
 * afterwards whatever happens.
 */
export function useApp({ proxy } = {}) {
  const app = {
    server: null,
    browser: null,
    async withPage(fn) {
      const context = await app.browser.newContext();
      try {
        return await fn(await newPage(context), context);
      } finally {
        await context.close();
      }
    },
  };
  before(async () => {
    app.server = await startServer({ root: distDir, proxy });
    app.browser = await launchBrowser();
  });
  after(async () => {
    await app.browser?.close();
    await app.server?.close();
  });
  return app;
}
