// The UI round's steps, in order. Each waits for the evidence on screen; the round screenshots it afterwards.
// Files are those of test/vscode/workspace/; connection names are those of the emulator's `--seed demo`.
import { Locator } from 'playwright-core';
import { PolytomicLive } from './polytomic-live';
import { Workbench } from './workbench';

export interface UiStep {
  title: string;
  screenshot: string;
  /** `live`: Polytomic changed behind the editor's back, as a colleague in the web app would. */
  run(workbench: Workbench, live: PolytomicLive): Promise<void>;
  /** Undoes what the step changed, once its screenshot is taken. */
  tidyUp?(workbench: Workbench): Promise<void>;
}

const TIMEOUT = 20_000;

export const UI_STEPS: UiStep[] = [
  {
    title: 'a broken connection file shows its schema error in the editor and the Problems panel',
    screenshot: '1-diagnostics-problems.png',
    async run(workbench) {
      await workbench.openFile('broken.polytomic.json');
      const problems = await workbench.openProblemsPanel();
      // the marker row of the `"port": "not-a-port"` error, reported by the polytomic language server
      await problems.locator('.monaco-list-row', { hasText: /polytomic/i }).filter({ hasText: /port|integer/i }).first().waitFor({ timeout: TIMEOUT });
      await workbench.page.locator('.editor-instance .squiggly-error').first().waitFor({ timeout: TIMEOUT });
    },
  },
  {
    title: 'completion inside `configuration` offers the connection type\'s fields',
    screenshot: '2-completion-in-configuration.png',
    async run(workbench) {
      await workbench.openFile('warehouse.polytomic.json');
      await workbench.goToLineEnd(6); // `"hostname": "postgres.example.com",` inside "configuration"
      await workbench.page.keyboard.press('Enter');
      const suggestions = await workbench.triggerSuggest();
      await suggestions.locator('.monaco-list-row').first().waitFor({ timeout: TIMEOUT });
      await workbench.page.keyboard.type('ss'); // narrows the open list to the SSL/SSH fields
      // postgresql fields that the file does not set yet
      await suggestions.locator('.monaco-list-row', { hasText: 'ssl' }).first().waitFor({ timeout: TIMEOUT });
      await suggestions.locator('.monaco-list-row', { hasText: 'ssh_host' }).first().waitFor({ timeout: TIMEOUT });
    },
    async tidyUp(workbench) {
      await workbench.page.keyboard.press('Escape');
      await workbench.runCommand('File: Revert File'); // later steps send this file: it must be valid again
    },
  },
  {
    title: 'the Polytomic view lists the profile\'s connections with status icons',
    screenshot: '3-connections-tree.png',
    async run(workbench) {
      const sideBar = await workbench.openViewContainer('Polytomic');
      const row = (name: string) => sideBar.locator('.monaco-list-row', { hasText: name }).first();
      await row('Production Postgres').locator('.codicon-pass-filled').waitFor({ timeout: TIMEOUT });
      await row('Reporting Replica').locator('.codicon-error').waitFor({ timeout: TIMEOUT });
    },
  },
  {
    title: 'the first send lists the placeholders it will read, into which field, to where, and asks once',
    screenshot: '5-send-consent.png',
    async run(workbench) {
      await workbench.openFile('warehouse.polytomic.json');
      await workbench.runCommand('Polytomic: Test Connection');
      const dialog = workbench.page.locator('.monaco-dialog-box', { hasText: 'Send environment variables to emulator' });
      await dialog.waitFor({ timeout: TIMEOUT });
      await dialog.locator('text=${env:POSTGRESQL_PASSWORD} → configuration.password').first().waitFor({ timeout: TIMEOUT });
    },
    async tidyUp(workbench) {
      await workbench.page.locator('.monaco-dialog-box .monaco-button', { hasText: /^Send$/ }).first().click();
      await workbench.notification(/Connection test of "Warehouse" passed/).waitFor({ timeout: TIMEOUT });
      await workbench.dismissNotifications();
    },
  },
  {
    title: 'Polytomic: Test Connection reports its result in a notification',
    screenshot: '4-command-notification.png',
    async run(workbench) {
      await workbench.openFile('warehouse.polytomic.json');
      await workbench.runCommand('Polytomic: Test Connection');
      await workbench.notification(/Connection test of "Warehouse" passed/).waitFor({ timeout: TIMEOUT });
      // VS Code keeps a finished progress toast up for a moment; the picture shows the result alone.
      await workbench.notification(/Testing "Warehouse"/).waitFor({ state: 'hidden', timeout: TIMEOUT });
    },
  },
  {
    title: 'Apply shows the file as written, placeholders named, and asks in a notification that leaves the diff visible',
    screenshot: '6-apply-diff.png',
    async run(workbench) {
      await workbench.dismissNotifications();
      await workbench.openFile('warehouse.polytomic.json');
      await workbench.runCommand('Polytomic: Apply Connection');
      await workbench.page.locator('.monaco-diff-editor').first().waitFor({ timeout: TIMEOUT });
      await workbench.notification(/Create "Warehouse" in emulator from warehouse\.polytomic\.json\?/).waitFor({ timeout: TIMEOUT });
      // the file side keeps the file's comment and names the placeholder
      await workbench.page.locator('.monaco-diff-editor .view-line', { hasText: 'the secret stays out of the file' }).first().waitFor({ timeout: TIMEOUT });
      await workbench.page.locator('.monaco-diff-editor .view-line', { hasText: '${env:POSTGRESQL_PASSWORD}' }).first().waitFor({ timeout: TIMEOUT });
    },
    async tidyUp(workbench) {
      // Created, so that the next step shows a diff against a live connection.
      await workbench.notification(/Create "Warehouse"/).locator('.monaco-button', { hasText: /^Create$/ }).first().click();
      await workbench.notification(/Created connection "Warehouse"/).waitFor({ timeout: TIMEOUT });
      await workbench.dismissNotifications();
      await workbench.runCommand('View: Close All Editors');
    },
  },
  {
    title: 'Apply of a changed file: the live side in the file\'s order, the change, and the question beside the diff',
    screenshot: '7-apply-update-diff.png',
    async run(workbench) {
      await workbench.openFile('warehouse.polytomic.json');
      await workbench.page.locator('.editor-instance .view-line', { hasText: '"id"' }).first().waitFor({ timeout: TIMEOUT });
      await workbench.goToLineEnd(8); // `"port": 5432,` (the id went in above the name)
      await workbench.page.keyboard.press('Backspace');
      await workbench.page.keyboard.press('Backspace');
      await workbench.page.keyboard.type('3,');
      await workbench.runCommand('Polytomic: Apply Connection');
      await workbench.page.locator('.monaco-diff-editor').first().waitFor({ timeout: TIMEOUT });
      await workbench.notification(/Changes: port: 5432 → 5433/).waitFor({ timeout: TIMEOUT });
      await workbench.notification(/Reading "Warehouse"/).waitFor({ state: 'hidden', timeout: TIMEOUT });
    },
    async tidyUp(workbench) {
      await workbench.notification(/Changes: port/).locator('.monaco-button', { hasText: /^Cancel$/ }).first().click();
      await workbench.runCommand('View: Close All Editors');
    },
  },
  {
    title: 'Plan Workspace: every file against the organisation, grouped by what Apply would do, with the summary',
    screenshot: '8-plan-view.png',
    async run(workbench) {
      await workbench.dismissNotifications();
      // A new file, as a pull of the repository would bring it: a connection to create.
      workbench.writeWorkspaceFile('connections/orders.polytomic.json', ORDERS_FILE);
      // Warehouse (created above) with its port changed and saved: a connection to update.
      await workbench.openFile('warehouse.polytomic.json');
      await workbench.page.locator('.editor-instance .view-line', { hasText: '"id"' }).first().waitFor({ timeout: TIMEOUT });
      await workbench.goToLineEnd(8); // `"port": 5432,` or, after the step above, `"port": 5433,`
      await workbench.page.keyboard.press('Backspace');
      await workbench.page.keyboard.press('Backspace');
      await workbench.page.keyboard.type('3,');
      await workbench.page.keyboard.press('Control+S');
      await workbench.page.locator('.tab.dirty').first().waitFor({ state: 'detached', timeout: TIMEOUT });
      await workbench.runCommand('View: Close All Editors');
      await workbench.quickInputClosed();

      await workbench.runCommand('Polytomic: Plan Workspace');
      await workbench.quickInputClosed();
      const sideBar = workbench.page.locator('.part.sidebar');
      const plan = sideBar.locator('.pane', { has: workbench.page.locator('.pane-header', { hasText: /^\s*Plan/i }) }).first();
      await plan.locator('.monaco-list-row', { hasText: 'To create' }).first().waitFor({ timeout: TIMEOUT });
      await workbench.toggleView('Connections');
      // The panel and the empty secondary side bar away: the plan and its diff get the room.
      await workbench.page.keyboard.press('Control+J');
      await workbench.runCommand('View: Hide Secondary Side Bar');
      await workbench.quickInputClosed();
      await workbench.widenSideBar(600);
      await plan.locator('.monaco-list-row', { hasText: 'Orders DB' }).first().waitFor({ timeout: TIMEOUT });
      await plan.locator('.monaco-list-row', { hasText: 'Broken warehouse' }).first().waitFor({ timeout: TIMEOUT });
      await plan.locator('.monaco-list-row', { hasText: 'Unmanaged' }).first().waitFor({ timeout: TIMEOUT });
      await plan.locator('.pane-header', { hasText: /1 to create, 1 to update, 1 blocked/ }).first().waitFor({ timeout: TIMEOUT });
      // Clicking the update opens its diff: the live connection beside the file.
      await plan.locator('.monaco-list-row', { hasText: 'port: 5432 → 5433' }).first().click();
      await workbench.page.locator('.monaco-diff-editor .view-line', { hasText: '5433' }).first().waitFor({ timeout: TIMEOUT });
      await workbench.notification(/Planning the workspace/).waitFor({ state: 'hidden', timeout: TIMEOUT });
    },
  },
  {
    title: 'Drift in the Connections view: one connection in sync with its file, one changed in Polytomic since, with Show Diff and Pull',
    screenshot: '9-drift-in-tree.png',
    async run(workbench, live) {
      const { page } = workbench;
      await workbench.dismissNotifications();
      await workbench.runCommand('View: Close All Editors');
      await workbench.quickInputClosed();
      // Apply Plan as planned above: Orders DB created (its id written into its file), Warehouse updated; both in sync.
      await workbench.runCommand('Polytomic: Apply Plan');
      const pick = page.locator('.quick-input-widget');
      await pick.locator('.monaco-list-row', { hasText: 'Orders DB' }).first().waitFor({ timeout: TIMEOUT });
      await pick.locator('.monaco-list-row', { hasText: 'warehouse.polytomic.json' }).first().waitFor({ timeout: TIMEOUT });
      await page.keyboard.press('Enter'); // both are preselected
      const confirm = page.locator('.monaco-dialog-box', { hasText: 'Apply 1 create and 1 update in emulator?' });
      await confirm.waitFor({ timeout: TIMEOUT });
      await confirm.locator('.monaco-button', { hasText: /^Apply$/ }).first().click();
      await workbench.notification(/Apply Plan in emulator: 2 done\./).waitFor({ timeout: TIMEOUT });
      await workbench.dismissNotifications();

      // Meanwhile someone moves Warehouse to another host in Polytomic; its file still says postgres.example.com.
      const warehouseId = /"id":\s*"([^"]+)"/.exec(workbench.readWorkspaceFile('connections/warehouse.polytomic.json'))?.[1];
      if (!warehouseId) throw new Error('connections/warehouse.polytomic.json has no id: the create of the steps above did not write it');
      await live.changeConfiguration(warehouseId, { hostname: 'postgres-primary.example.com' });

      // The Connections view gets the side bar's height; the plan is folded away.
      await workbench.setViewExpanded('Plan', false);
      await workbench.setViewExpanded('Connections', true);
      await workbench.runCommand('Polytomic: Refresh Connections');
      await workbench.quickInputClosed();
      const connections = page.locator('.part.sidebar .pane', { has: page.locator('.pane-header', { hasText: /^\s*Connections/i }) }).first();
      // Orders DB sorts above Warehouse: the tooltip under Warehouse leaves both descriptions readable.
      const orders = connections.locator('.monaco-list-row', { hasText: 'connections/orders.polytomic.json · in sync' }).first();
      const warehouse = connections.locator('.monaco-list-row', { hasText: 'connections/warehouse.polytomic.json · changed in Polytomic' }).first();
      await orders.waitFor({ timeout: TIMEOUT });
      await warehouse.waitFor({ timeout: TIMEOUT });
      await whollyShown(orders, connections);
      await whollyShown(warehouse, connections);
      // Pointing at the drifted one: its Show Diff and Pull on the row, and a tooltip saying what they do. (The tooltip
      // opens under the row, over labels too short to reach it.)
      await workbench.hoverUntilShown(warehouse, page.locator('.monaco-hover', { hasText: "changed in Polytomic: Pull writes Polytomic's version into the file" }).first());
      await warehouse.locator('.action-label[aria-label^="Show Diff"]').first().waitFor({ timeout: TIMEOUT });
      await warehouse.locator('.action-label[aria-label^="Pull Connection"]').first().waitFor({ timeout: TIMEOUT });
    },
  },
];

/** Fails unless the row is inside its view and its label and description are not cut short. */
async function whollyShown(row: Locator, view: Locator): Promise<void> {
  const [rowBox, viewBox] = [await row.boundingBox(), await view.boundingBox()];
  if (!rowBox || !viewBox || rowBox.y < viewBox.y || rowBox.y + rowBox.height > viewBox.y + viewBox.height) {
    throw new Error(`the row "${await row.innerText()}" is outside its view`);
  }
  const cut = await row.locator('.monaco-icon-label-container').evaluate((label) => label.scrollWidth > label.clientWidth);
  if (cut) throw new Error(`the row "${await row.innerText()}" is cut off`);
}

const ORDERS_FILE = `// A new connection: Plan lists it under "To create"
{
  "name": "Orders DB",
  "type": "postgresql",
  "configuration": {
    "hostname": "orders.example.com",
    "port": 5432,
    "database": "orders",
    "username": "app",
    "password": "\${env:POSTGRESQL_PASSWORD}"
  }
}
`;
