/**
 * Checking claims in Chromium through the browser host: the claim card filled in, evidence from
 * two sources made in the card and graded (B2, D4), verdicts on the truth scale, a correction of a
 * done verdict with its reason, invalid input refused beside the field, source mentions linked to
 * the library — and everything still there after a reload. Screenshots of the card, light and dark.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { resolve } from 'node:path';
import { useHost } from './support/host.js';
import { importByButton, newProject, pasteDocument } from './support/project.js';
import { selectWithMouse } from './support/text-selection.js';

const host = useHost();

const ARTICLE = resolve('tests/fixtures/article-iraq-iran.txt');
const TRANSCRIPT = 'Joint press conference, Baghdad.\nThe security agreement between Iraq and Iran was signed in March 2023 by the two national security advisers.';

const text = (page: Page) => page.getByRole('textbox', { name: 'Text of article-iraq-iran' });
const card = (page: Page, name: string) => page.getByRole('region', { name: `${name} details` });

/** Types a value into a field of a card and leaves the field, which is when the card saves it. */
async function enter(field: Locator, value: string): Promise<void> {
  await field.fill(value);
  await field.blur();
}

/** Makes a source in the claim card's "New source…" dialog; it is chosen in the evidence form. */
async function newSource(page: Page, form: Locator, fields: { title: string; url: string; outlet: string; type: string; reliability: string; withhold?: boolean }) {
  await form.getByRole('button', { name: 'New source…' }).click();
  const dialog = page.getByRole('dialog', { name: 'New source' });
  await expect(dialog.getByLabel('Title')).toBeFocused();
  await dialog.getByLabel('Title').fill(fields.title);
  await dialog.getByLabel('Web address').fill(fields.url);
  await dialog.getByLabel('Outlet or publisher').fill(fields.outlet);
  await dialog.getByLabel('Type').selectOption(fields.type);
  await dialog.getByLabel('Reliability').selectOption(fields.reliability);
  if (fields.withhold) await dialog.getByRole('checkbox', { name: /Withhold/ }).check();
  await dialog.getByRole('button', { name: 'Add source' }).click();
  await expect(dialog).toHaveCount(0);
}

test('check two claims: card, graded evidence, verdicts, a correction, refused input, linked mentions; all there after a reload', async ({ page }, testInfo) => {
  await newProject(page, host(), 'Check');
  // A second document, for evidence that points at its words.
  await pasteDocument(page, 'Agreement transcript', TRANSCRIPT);
  await importByButton(page, [ARTICLE]);
  await expect(text(page)).toBeVisible();

  // Claim C1: the card takes the keyboard on "What is checked".
  await selectWithMouse(page, 'consolidate the system established over the past 21 years');
  await page.keyboard.press('c');
  const c1 = card(page, 'Claim C1');
  await expect(c1.getByLabel('What is checked')).toBeFocused();
  await expect(c1.locator('.short-id')).toHaveText('C1');
  await page.keyboard.type("Iraq's current political system has existed for 21 years");
  await enter(c1.getByLabel('Claimant'), 'Ghani Ghadban');
  await c1.getByLabel('Type of claim').selectOption('statistic');
  await enter(c1.getByLabel('Why it is worth checking'), 'A date that frames the whole argument.');
  await c1.getByLabel('Status').selectOption('researching');
  await enter(c1.getByLabel('Analyst'), 'R. Haddad');

  await enter(c1.getByLabel('Web address'), 'https://www.example.org/iraq-iran-talks');
  await enter(c1.getByLabel('Date', { exact: true }), '2024-12-26');

  // Evidence from two sources made in the card, graded B2 and D4.
  await c1.getByRole('button', { name: 'Add evidence' }).click();
  let form = c1.getByRole('group', { name: 'Add evidence' });
  await newSource(page, form, { title: 'Text of the 2023 Iraq–Iran security agreement', url: 'https://www.mofa.gov.iq/agreement-2023', outlet: 'Iraqi Ministry of Foreign Affairs', type: 'official-statement', reliability: 'B' });
  await expect(form.getByLabel('Source', { exact: true })).toHaveValue(/.+/);
  await form.getByRole('radio', { name: 'Supports' }).check();
  await form.getByLabel('Credibility of this information').selectOption('2');
  await expect(form.getByText('Grade with this source: B2')).toBeVisible();
  await form.getByLabel('Excerpt (optional)').fill('The constitution was adopted in 2005.');
  await form.getByLabel('Document').selectOption({ label: 'Agreement transcript' });
  await form.getByLabel('Words quoted').fill('signed in March 2023');
  await page.setViewportSize({ width: 1280, height: 2400 });
  await form.screenshot({ path: testInfo.outputPath('evidence-form-light.png') });
  await page.setViewportSize({ width: 1280, height: 800 });
  await form.getByRole('button', { name: 'Add this evidence' }).click();
  const evidence = c1.getByRole('list', { name: 'Evidence for C1' }).getByRole('listitem');
  await expect(evidence).toHaveCount(1);
  await expect(evidence.first().locator('abbr')).toHaveText(/^B2/);
  await expect(evidence.first().locator('abbr')).toHaveAttribute('title', 'Usually reliable source; information probably true');
  await expect(evidence.first()).toContainText('Supports');
  await expect(evidence.first()).toContainText('In “Agreement transcript”: signed in March 2023');

  await c1.getByRole('button', { name: 'Add evidence' }).click();
  form = c1.getByRole('group', { name: 'Add evidence' });
  await newSource(page, form, { title: 'Post by a militia commander', url: 'https://x.com/example/status/1', outlet: 'X', type: 'post', reliability: 'D', withhold: true });
  await form.getByRole('radio', { name: 'Refutes' }).check();
  await form.getByLabel('Credibility of this information').selectOption('4');
  await form.getByRole('button', { name: 'Add this evidence' }).click();
  await expect(evidence).toHaveCount(2);
  await expect(evidence.nth(1).locator('abbr')).toHaveText(/^D4/);
  await expect(evidence.nth(1)).toContainText('Refutes');
  await expect(evidence.nth(1)).toContainText('Withheld source');

  // A verdict on the truth scale, a conclusion, done.
  await c1.getByRole('radio', { name: 'Mostly true' }).check();
  await enter(c1.getByLabel('Conclusion'), 'The system dates from 2003, **21 years** before the remark; the constitution from 2005.');
  await c1.getByLabel('Status').selectOption('done');
  await expect(c1.getByLabel('Status')).toHaveValue('done');

  // Changing a done verdict asks why; cancelling keeps the old one, a reason records a correction.
  // The radio goes back to the old verdict while the dialog asks (the change is not made yet).
  await c1.getByRole('radio', { name: 'False', exact: true }).click();
  let reasonDialog = page.getByRole('dialog', { name: 'Correct a done claim' });
  await expect(reasonDialog).toContainText('Mostly true → False');
  await reasonDialog.getByRole('button', { name: 'Keep the old verdict' }).click();
  await expect(c1.getByRole('radio', { name: 'Mostly true' })).toBeChecked();
  await c1.getByRole('radio', { name: 'Half true' }).click();
  reasonDialog = page.getByRole('dialog', { name: 'Correct a done claim' });
  await reasonDialog.getByRole('button', { name: 'Record the correction' }).click();
  await expect(reasonDialog.getByRole('alert')).toContainText('Write why');
  await reasonDialog.getByLabel('Reason for the correction').fill('The 2005 constitution is the system the speaker meant: 19 years, not 21.');
  await reasonDialog.getByRole('button', { name: 'Record the correction' }).click();
  await expect(reasonDialog).toHaveCount(0);
  const log = c1.getByRole('region', { name: 'Corrections of C1' });
  await expect(log).toContainText('Mostly true → Half true');
  await expect(log).toContainText('19 years, not 21');

  await page.setViewportSize({ width: 1280, height: 2400 });
  await c1.screenshot({ path: testInfo.outputPath('claim-card-light.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await c1.screenshot({ path: testInfo.outputPath('claim-card-dark.png') });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1280, height: 800 });

  // Claim C2: the claimant is suggested; done without a verdict is refused; one source warns.
  await page.keyboard.press('Escape');
  await selectWithMouse(page, 'the 2023 security agreement');
  await page.keyboard.press('c');
  const c2 = card(page, 'Claim C2');
  await page.keyboard.type('Iraq and Iran signed a security agreement in 2023');
  await expect(c2.locator('datalist option[value="Ghani Ghadban"]')).toHaveCount(1);
  await expect(c2.getByLabel('Analyst')).toHaveValue('R. Haddad');
  await enter(c2.getByLabel('Claimant'), 'Masoud Pazeshkian');
  await c2.getByLabel('Type of claim').selectOption('attribution');

  // Invalid input is refused beside its field and not saved: the card, opened again, shows the stored values.
  await enter(c2.getByLabel('Web address'), 'javascript:alert(1)');
  await expect(c2.getByRole('alert').filter({ hasText: 'http or https' })).toBeVisible();
  await expect(c2.getByLabel('Web address')).toHaveAttribute('aria-invalid', 'true');
  await enter(c2.getByLabel('Date', { exact: true }), '2999-01-01');
  await expect(c2.getByRole('alert').filter({ hasText: 'cannot be in the future' })).toBeVisible();
  await c2.locator('fieldset', { hasText: 'Where and when it appeared' }).screenshot({ path: testInfo.outputPath('refused-input-light.png') });
  const list = page.getByRole('list', { name: 'Annotations in text order' });
  await list.getByRole('button', { name: /Claim C1/ }).click();
  await list.getByRole('button', { name: /Claim C2/ }).click();
  await expect(c2.getByLabel('Web address')).toHaveValue('');
  await expect(c2.getByLabel('Date', { exact: true })).toHaveValue('');
  await expect(c2.getByRole('alert')).toHaveCount(0);
  await expect(c2.getByLabel('Claimant')).toHaveValue('Masoud Pazeshkian');

  await c2.getByLabel('Status').selectOption('done');
  await expect(c2.getByRole('alert').filter({ hasText: 'needs a verdict' })).toBeVisible();
  await expect(c2.getByLabel('Status')).not.toHaveValue('done');
  await c2.getByRole('radio', { name: 'True', exact: true }).check();
  await c2.getByRole('button', { name: 'Add evidence' }).click();
  form = c2.getByRole('group', { name: 'Add evidence' });
  await form.getByRole('searchbox').fill('ministry');
  await form.getByLabel('Source', { exact: true }).selectOption({ index: 0 });
  await form.getByLabel('Credibility of this information').selectOption('1');
  await form.getByRole('button', { name: 'Add this evidence' }).click();
  await c2.getByLabel('Status').selectOption('done');
  await expect(c2.getByLabel('Status')).toHaveValue('done');
  await expect(c2.getByText(/All the evidence comes from one source/)).toBeVisible();
  await expect(c2.getByRole('list', { name: 'Evidence for C2' }).locator('abbr')).toHaveText(/^B1/);

  // Source mentions: one becomes a new source from its own words, one is linked from the library.
  await page.keyboard.press('Escape');
  await selectWithMouse(page, 'A UN representative');
  await page.keyboard.press('s');
  let mention = card(page, 'Source mention');
  await mention.getByRole('button', { name: 'New source from these words' }).click();
  await expect(mention.locator('.linked-source')).toContainText('A UN representative');
  await expect(mention.locator('.linked-source abbr')).toHaveText('F');
  await text(page).locator('.annotation-sourceMention', { hasText: 'A UN representative' }).hover();
  await expect(text(page).locator('.annotation-sourceMention', { hasText: 'A UN representative' })).toHaveAttribute('title', /Source: A UN representative \(F\)/);
  await page.keyboard.press('Escape');
  await selectWithMouse(page, 'Khamenei.ir');
  await page.keyboard.press('s');
  mention = card(page, 'Source mention');
  await mention.getByLabel('Or link a source of the library').selectOption({ label: 'Text of the 2023 Iraq–Iran security agreement — Iraqi Ministry of Foreign Affairs (B)' });
  await expect(mention.locator('.linked-source')).toContainText('Text of the 2023 Iraq–Iran security agreement');
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.setViewportSize({ width: 1280, height: 2400 });
  await mention.screenshot({ path: testInfo.outputPath('mention-card-dark.png') });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.emulateMedia({ colorScheme: 'light' });

  // After saving and reloading, everything is there.
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Saved', { exact: false }).first()).toBeVisible();
  await page.reload();
  await page.getByRole('navigation').getByRole('button', { name: 'article-iraq-iran', exact: true }).click();
  await list.getByRole('button', { name: /Claim C1/ }).click();
  await expect(c1.getByLabel('What is checked')).toHaveValue("Iraq's current political system has existed for 21 years");
  await expect(c1.getByLabel('Claimant')).toHaveValue('Ghani Ghadban');
  await expect(c1.getByLabel('Type of claim')).toHaveValue('statistic');
  await expect(c1.getByLabel('Status')).toHaveValue('done');
  await expect(c1.getByLabel('Web address')).toHaveValue('https://www.example.org/iraq-iran-talks');
  await expect(c1.getByLabel('Date', { exact: true })).toHaveValue('2024-12-26');
  await expect(c1.getByLabel('Analyst')).toHaveValue('R. Haddad');
  await expect(c1.getByRole('radio', { name: 'Half true' })).toBeChecked();
  await expect(c1.getByLabel('Conclusion')).toHaveValue(/21 years\*\* before the remark/);
  await expect(c1.getByRole('list', { name: 'Evidence for C1' }).locator('abbr')).toHaveText([/^B2/, /^D4/]);
  await expect(c1.getByRole('list', { name: 'Evidence for C1' })).toContainText('In “Agreement transcript”: signed in March 2023');
  await expect(c1.getByRole('region', { name: 'Corrections of C1' })).toContainText('Mostly true → Half true');
  await list.getByRole('button', { name: /Claim C2/ }).click();
  await expect(c2.getByLabel('Claimant')).toHaveValue('Masoud Pazeshkian');
  await expect(c2.getByRole('radio', { name: 'True', exact: true })).toBeChecked();
  await expect(c2.getByLabel('Status')).toHaveValue('done');
  await list.getByRole('button', { name: /Source mention/ }).filter({ hasText: 'A UN representative' }).click();
  await expect(card(page, 'Source mention').locator('.linked-source')).toContainText('A UN representative');
  await text(page).locator('.annotation-sourceMention', { hasText: 'A UN representative' }).hover();
  await expect(text(page).locator('.annotation-sourceMention', { hasText: 'A UN representative' })).toHaveAttribute('title', /Source: A UN representative \(F\)/);
  await list.getByRole('button', { name: /Source mention/ }).filter({ hasText: 'Khamenei.ir' }).click();
  await expect(card(page, 'Source mention').locator('.linked-source')).toContainText('Text of the 2023 Iraq–Iran security agreement');
});
