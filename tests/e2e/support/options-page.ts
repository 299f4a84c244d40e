/** Page object for the options page's list subscriptions. */
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from './chromium';

export class OptionsPage {
  private constructor(readonly page: Page) {}

  static async open(browser: ExtensionBrowser): Promise<OptionsPage> {
    const page = await browser.newPage();
    await page.goto(browser.url('options.html'));
    await page.locator('section.subscriptions .subscription-list').waitFor();
    return new OptionsPage(page);
  }

  list(id: string) {
    return this.page.locator(`.subscription[data-list-id="${id}"]`);
  }

  async field(id: string, name: 'version' | 'entries' | 'error' | 'broken' | 'standing' | 'vouch' | 'declared' | 'key'): Promise<string> {
    return (await this.list(id).locator(`[data-field="${name}"]`).innerText()).trim();
  }

  /** A field of the directory of publishers' status. */
  async directoryField(name: 'directory-version' | 'directory-publishers' | 'directory-revoked' | 'directory-error'): Promise<string> {
    return (await this.page.getByTestId('directory').locator(`[data-field="${name}"]`).innerText()).trim();
  }

  status() {
    return this.page.getByTestId('subscriptions-status');
  }

  async subscribe(url: string, publicKey: string): Promise<string> {
    await this.page.getByLabel(/Address of the list/).fill(url);
    await this.page.getByLabel(/public key/i).fill(publicKey);
    await this.page.getByRole('button', { name: 'Subscribe' }).click();
    return this.settledStatus();
  }

  async updateAll(): Promise<string> {
    await this.page.getByRole('button', { name: 'Update all lists now' }).click();
    return this.settledStatus();
  }

  /** Waits for the status line to leave "Working…" and returns it. */
  async settledStatus(): Promise<string> {
    const status = this.status();
    await this.page.waitForFunction(
      (el) => !!el && el.textContent !== '' && el.textContent !== 'Working…',
      await status.elementHandle(),
      { timeout: 30_000 },
    );
    return (await status.innerText()).trim();
  }
}
