/**
 * A fact-check's JSON-LD is published inside `<script type="application/ld+json">` on the
 * organisation's page. A claim quoting `</script><script>…` must not end that block in a real
 * Chromium, and the structured data must read back with the exact words.
 */
import { expect, test, type Page } from '@playwright/test';
import { claimReviews } from '../../shared/report/claim-review.js';
import { webAnnotations } from '../../shared/report/w3c.js';
import { options, reportInput } from '../unit/report/formats.fixture.js';

const HOSTILE = '</script><script>window.__pwned = (window.__pwned || 0) + 1</script><!--';

/** Publishes `jsonLd` in a page as a site would, and says whether anything in it ran and what the block reads as. */
async function publish(page: Page, jsonLd: string): Promise<{ ran: unknown; data: unknown }> {
  await page.goto('about:blank'); // a fresh window: nothing left from the last page
  await page.setContent(`<!doctype html><html><head><script type="application/ld+json">${jsonLd}</script></head><body><p>Fact-check</p></body></html>`);
  return page.evaluate(() => {
    const block = document.querySelector('script[type="application/ld+json"]');
    let data: unknown = null;
    try {
      data = JSON.parse(block?.textContent ?? '');
    } catch {
      data = 'unreadable';
    }
    return { ran: (window as unknown as { __pwned?: number }).__pwned ?? 0, data };
  });
}

test('ClaimReview and W3C JSON-LD with a quoted </script> stay one inert block, read back exactly', async ({ page }) => {
  // The page detects a breakout: the same words written raw do run.
  const raw = await publish(page, JSON.stringify({ claimReviewed: HOSTILE }));
  expect(raw.ran).toBe(1);

  const input = reportInput({ restatement: HOSTILE, claimant: HOSTILE, note: HOSTILE });
  const reviews = await publish(page, claimReviews(input, options()));
  expect(reviews.ran).toBe(0);
  expect((reviews.data as { '@graph': { claimReviewed: string }[] })['@graph'].map((r) => r.claimReviewed)).toContain(HOSTILE);

  const annotations = await publish(page, webAnnotations(input, options()));
  expect(annotations.ran).toBe(0);
  expect(JSON.stringify(annotations.data)).toContain(JSON.stringify(HOSTILE).slice(1, -1));
});
