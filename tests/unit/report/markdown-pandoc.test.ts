/**
 * pandoc reads the golden report as GitHub-flavoured Markdown and gives every claim's quote back
 * exactly (plain-text output, no wrapping). Fails, saying how to get it, where pandoc is
 * missing (`npm test` installs it first: tests/tools/ensure-test-tools.ts).
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { requireTestTool } from '../../tools/test-tools.js';
import { sampleInput } from './markdown-sample.js';
import { wholeWordContext } from '../../../shared/report/markdown/quote.js';

const GOLDEN = fileURLToPath(new URL('../../fixtures/report/sample-article.md', import.meta.url));

describe('Markdown report through pandoc', () => {
  it('gives every quote and its context back exactly', () => {
    const plain = execFileSync(requireTestTool('pandoc'), ['-f', 'gfm', '-t', 'plain', '--wrap=none', GOLDEN], { encoding: 'utf8' });
    const claims = sampleInput().documents.flatMap((d) => d.annotations).filter((a) => a.kind === 'claim');
    expect(claims).toHaveLength(2);
    for (const claim of claims) {
      const { prefix, exact, suffix } = claim.anchor.quote;
      const around = wholeWordContext(prefix, suffix);
      expect(plain).toContain(`${around.prefix}${exact}${around.suffix}`.trimEnd());
    }
  });
});
