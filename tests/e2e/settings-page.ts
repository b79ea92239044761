// The settings sheet, found the way a user (or a screen reader) finds it: by role and label.

import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';

export interface KeyInput {
  accessKeyId: string;
  accessKeySecret: string;
  securityToken?: string;
  endpoint?: string;
  region?: string;
}

export class SettingsSheet {
  constructor(readonly page: Page) {}

  get dialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Settings' });
  }
  get gear(): Locator {
    return this.page.getByRole('button', { name: 'Settings', exact: true });
  }
  get accessKeyId(): Locator {
    return this.dialog.getByLabel('AccessKey ID', { exact: true });
  }
  get secret(): Locator {
    return this.dialog.getByLabel('AccessKey secret', { exact: true });
  }
  get token(): Locator {
    return this.dialog.getByLabel('STS security token', { exact: true });
  }
  get region(): Locator {
    return this.dialog.getByLabel('Region', { exact: true });
  }
  get endpoint(): Locator {
    return this.dialog.getByLabel(/^Custom endpoint/);
  }
  get testButton(): Locator {
    return this.dialog.getByRole('button', { name: /^(Test connection|Testing…)$/ });
  }
  get saveButton(): Locator {
    return this.dialog.getByRole('button', { name: /^(Save|Saving…)$/ });
  }
  get outcome(): Locator {
    return this.dialog.getByTestId('connection-outcome');
  }
  get status(): Locator {
    return this.dialog.getByTestId('account-status');
  }
  get keychainProblem(): Locator {
    return this.dialog.getByTestId('keychain-problem');
  }
  async open(): Promise<void> {
    await this.gear.click();
    await expect(this.dialog).toBeVisible();
  }

  async close(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await expect(this.dialog).toBeHidden();
  }

  async fill(key: KeyInput): Promise<void> {
    await this.accessKeyId.fill(key.accessKeyId);
    await this.secret.fill(key.accessKeySecret);
    if (key.securityToken !== undefined) {
      await this.dialog.getByRole('button', { name: /Add an STS token/ }).click();
      await this.token.fill(key.securityToken);
    }
    if (key.region !== undefined) await this.region.selectOption(key.region);
    if (key.endpoint !== undefined) await this.endpoint.fill(key.endpoint);
  }
}

/** The library source switch in the header. */
export function sourceSwitch(page: Page): Locator {
  return page.getByRole('group', { name: 'Library source' });
}
