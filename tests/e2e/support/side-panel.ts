/** The side panel's tabs, as an analyst opens them. */
import type { Locator, Page } from '@playwright/test';

/** Brings a tab of the side panel forward and returns its panel. */
export async function sideTab(page: Page, name: 'Annotations' | 'Codebook' | 'Document'): Promise<Locator> {
  await page.getByRole('tab', { name, exact: true }).click();
  return page.getByRole('tabpanel', { name, exact: true });
}
