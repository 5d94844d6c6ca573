// Steps through the app's own controls that many spec files need, by role and label.

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
