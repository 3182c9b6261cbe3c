// What a user does in the VS Code workbench, as Playwright steps (selectors of VS Code's own DOM).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { Locator, Page } from 'playwright-core';

const LOAD_TIMEOUT = 60_000;
const ACTION_TIMEOUT = 20_000;

export class Workbench {
  /** `workspaceDir`: the opened folder on disk, for files that appear as if a `git pull` brought them. */
  constructor(
    readonly page: Page,
    readonly workspaceDir?: string,
  ) {}

  /** Writes a file into the workspace folder from outside the editor (its file watcher picks it up). */
  writeWorkspaceFile(relativePath: string, text: string): void {
    if (!this.workspaceDir) throw new Error('the workbench was opened without its workspace folder');
    const file = path.join(this.workspaceDir, relativePath);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }

  /** A workspace file as it is on disk (e.g. with the id a create wrote into it). */
  readWorkspaceFile(relativePath: string): string {
    if (!this.workspaceDir) throw new Error('the workbench was opened without its workspace folder');
    return readFileSync(path.join(this.workspaceDir, relativePath), 'utf8');
  }

  async waitUntilLoaded(fileInExplorer: string): Promise<void> {
    await this.page.locator('.monaco-workbench').waitFor({ timeout: LOAD_TIMEOUT });
    await this.page.locator('.explorer-folders-view .monaco-list-row', { hasText: fileInExplorer }).first().waitFor({ timeout: LOAD_TIMEOUT });
  }

  /** Opens a workspace file through Quick Open, as Ctrl+P would. */
  async openFile(name: string): Promise<void> {
    await this.quickInput('Control+P', name);
    await this.page.locator(`.tab[aria-label*="${name}"]`).first().waitFor({ timeout: ACTION_TIMEOUT });
    await this.page.locator('.editor-instance .view-lines').first().waitFor({ timeout: ACTION_TIMEOUT });
  }

  /** Runs a command from the Command Palette by its title, e.g. "Polytomic: Test Connection". */
  async runCommand(title: string): Promise<void> {
    await this.quickInput('Control+Shift+P', title);
  }

  async openProblemsPanel(): Promise<Locator> {
    await this.page.keyboard.press('Control+Shift+M');
    const panel = this.page.locator('.markers-panel');
    await panel.waitFor({ timeout: ACTION_TIMEOUT });
    return panel;
  }

  /** Puts the cursor at the end of a 1-based line of the active editor. */
  async goToLineEnd(line: number): Promise<void> {
    await this.page.locator('.editor-instance .view-lines').first().click();
    await this.page.keyboard.press('Control+G');
    await this.page.locator('.quick-input-widget input').waitFor({ timeout: ACTION_TIMEOUT });
    await this.page.keyboard.type(String(line));
    await this.page.keyboard.press('Enter');
    // keys pressed while the input is still closing would go to it, not to the editor
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: ACTION_TIMEOUT });
    await this.page.keyboard.press('End');
  }

  /** Triggers completion (Ctrl+Space) and returns the suggest widget. */
  async triggerSuggest(): Promise<Locator> {
    await this.page.keyboard.press('Control+Space');
    const widget = this.page.locator('.suggest-widget');
    await widget.waitFor({ timeout: ACTION_TIMEOUT });
    return widget;
  }

  /** Opens an activity-bar container by its title and returns its side bar. */
  async openViewContainer(title: string): Promise<Locator> {
    await this.page.locator(`.activitybar .action-label[aria-label^="${title}"]`).first().click();
    const sideBar = this.page.locator('.part.sidebar');
    await sideBar.locator('.title-label', { hasText: new RegExp(title, 'i') }).first().waitFor({ timeout: ACTION_TIMEOUT });
    return sideBar;
  }

  /** Collapses (or expands) a view of the side bar by clicking its header, e.g. "Connections". */
  async toggleView(name: string): Promise<void> {
    await this.page.locator('.part.sidebar .pane-header', { hasText: new RegExp(`^\\s*${name}`, 'i') }).first().click();
  }

  /** Expands or collapses a view of the side bar, whichever state it is in now. */
  async setViewExpanded(name: string, expanded: boolean): Promise<void> {
    const header = this.page.locator('.part.sidebar .pane-header', { hasText: new RegExp(`^\\s*${name}`, 'i') }).first();
    if ((await header.getAttribute('aria-expanded')) !== String(expanded)) await header.click();
    await this.page
      .locator(`.part.sidebar .pane-header[aria-expanded="${expanded}"]`, { hasText: new RegExp(`^\\s*${name}`, 'i') })
      .first()
      .waitFor({ timeout: ACTION_TIMEOUT });
  }

  /** Drags the sash at the side bar's edge so the side bar is `width` pixels wide (long descriptions stay readable). */
  async widenSideBar(width: number): Promise<void> {
    const box = await this.page.locator('.part.sidebar').boundingBox();
    if (!box) throw new Error('the side bar is not shown');
    const edge = box.x + box.width;
    // The vertical sash nearest the side bar's right edge (the workbench has one per split).
    const sashes = await this.page.locator('.monaco-sash.vertical').evaluateAll((nodes) =>
      nodes.map((n) => n.getBoundingClientRect()).map((r) => ({ x: r.x + r.width / 2, y: r.y + r.height / 2, height: r.height })),
    );
    const sash = sashes.filter((s) => s.height > 100).sort((a, b) => Math.abs(a.x - edge) - Math.abs(b.x - edge))[0];
    if (!sash || Math.abs(sash.x - edge) > 10) throw new Error('no sash at the side bar\'s edge');
    await this.page.mouse.move(sash.x, sash.y);
    await this.page.mouse.down();
    await this.page.mouse.move(box.x + width, sash.y, { steps: 10 });
    await this.page.mouse.up();
    const after = await this.page.locator('.part.sidebar').boundingBox();
    if (!after || Math.abs(after.width - width) > 40) throw new Error(`the side bar is ${after?.width} pixels wide, not ${width}`);
  }

  /**
   * Points at `target` until `shown` (its tooltip) appears. VS Code drops a hover when the list renders the row under
   * the pointer again (a refresh finishing), so the pointer leaves and comes back until it sticks.
   */
  async hoverUntilShown(target: Locator, shown: Locator): Promise<void> {
    const deadline = Date.now() + ACTION_TIMEOUT;
    for (;;) {
      await this.page.mouse.move(0, 0);
      await target.hover();
      try {
        await shown.waitFor({ timeout: 4_000 });
        return;
      } catch (error) {
        if (Date.now() > deadline) throw error;
      }
    }
  }

  /** Waits until the quick input (palette, Quick Open) has closed: keys pressed while it closes would go to it. */
  async quickInputClosed(): Promise<void> {
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: ACTION_TIMEOUT });
  }

  notification(text: string | RegExp): Locator {
    return this.page.locator('.notification-toast', { hasText: text }).first();
  }

  async dismissNotifications(): Promise<void> {
    await this.runCommand('Notifications: Clear All Notifications');
  }

  private async quickInput(shortcut: string, text: string): Promise<void> {
    await this.page.keyboard.press(shortcut);
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor({ timeout: ACTION_TIMEOUT });
    await this.page.keyboard.type(text);
    await this.page.locator('.quick-input-widget .monaco-list-row', { hasText: text.replace(/^>\s*/, '') }).first().waitFor({ timeout: ACTION_TIMEOUT });
    await this.page.keyboard.press('Enter');
  }
}
