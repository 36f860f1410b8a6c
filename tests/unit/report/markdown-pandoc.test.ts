/**
 * pandoc reads the golden report as GitHub-flavoured Markdown and gives every claim's quote back
 * exactly (plain-text output, no wrapping). Skips, saying why, only where pandoc is not installed
 * (`.ci/run` installs Debian's pandoc).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sampleInput } from './markdown-sample.js';
import { wholeWordContext } from '../../../shared/report/markdown/claim-section.js';

const GOLDEN = fileURLToPath(new URL('../../fixtures/report/sample-article.md', import.meta.url));
const hasPandoc = spawnSync('pandoc', ['--version']).status === 0;

describe('Markdown report through pandoc', () => {
  it.skipIf(!hasPandoc)('gives every quote and its context back exactly (skipped: pandoc is not installed)', () => {
    const plain = execFileSync('pandoc', ['-f', 'gfm', '-t', 'plain', '--wrap=none', GOLDEN], { encoding: 'utf8' });
    const claims = sampleInput().documents.flatMap((d) => d.annotations).filter((a) => a.kind === 'claim');
    expect(claims).toHaveLength(2);
    for (const claim of claims) {
      const { prefix, exact, suffix } = claim.anchor.quote;
      const around = wholeWordContext(prefix, suffix);
      expect(plain).toContain(`${around.prefix}${exact}${around.suffix}`.trimEnd());
    }
  });
});
