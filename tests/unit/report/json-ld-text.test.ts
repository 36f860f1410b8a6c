/** JSON-LD exports stay inert inside a page's script block: `<`, `>`, `&`, U+2028 and U+2029 escaped, the values unchanged. */
import { describe, expect, it } from 'vitest';
import { claimReviews } from '../../../shared/report/claim-review.js';
import { jsonLdText } from '../../../shared/report/json-ld-text.js';
import { webAnnotations } from '../../../shared/report/w3c.js';
import { options, reportInput } from './formats.fixture.js';

const HOSTILE = '</script><script>window.__pwned = 1</script> & <!-- \u2028 line \u2029 paragraph';

describe('JSON-LD text', () => {
  it('escapes what ends a script block or a line, and reads back as the same value', () => {
    const text = jsonLdText({ quote: HOSTILE });
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(text).toContain('\\u003c/script\\u003e');
    expect(JSON.parse(text)).toEqual({ quote: HOSTILE });
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('is how ClaimReview and the W3C annotations are written', () => {
    const input = reportInput({ restatement: HOSTILE, claimant: HOSTILE, note: HOSTILE });
    for (const text of [claimReviews(input, options()), webAnnotations(input, options())]) {
      expect(text).not.toMatch(/[<>&\u2028\u2029]/);
      expect(JSON.stringify(JSON.parse(text))).toContain(JSON.stringify(HOSTILE).slice(1, -1));
    }
  });
});
