/**
 * A realistic saved news page of any size, built deterministically (a seeded generator, no
 * randomness between runs): a head heavy with inline scripts, styles and JSON-LD, navigation with
 * SVG icons, ads, an article of many paragraphs with links and emphasis, lists, a quote, an
 * Arabic passage, related links, comments and a footer. About a third of a saved page's bytes are
 * its article, as on real news sites, whose pages are mostly scripts, styles and navigation; the
 * `boilerplate` option scales the rest (0 for a page that is nearly all article, the worst case).
 * The import benchmark and the scaling tests share it.
 */

/** mulberry32: a tiny seeded generator, so every run builds the same page. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const WORDS = (
  'the minister said council report flood water villages inspection dam river officials residents according ' +
  'to a spokesperson government budget figures percent year police statement election campaign claimed ' +
  'evidence documents showed that in on for with by from was were had been would could this which after ' +
  'before during analysis data survey independent auditors committee regional emergency services'
).split(' ');
const ARABIC = 'قال الوزير إن المياه غمرت ثلاث قرى في الوادي وإن فرق الإنقاذ تعمل منذ الفجر'.split(' ');

export interface NewsPageOptions {
  /** Paragraphs in the article: with the default boilerplate, 500 make a page of about 1 MB. */
  articleParagraphs: number;
  /** How much navigation, script, style, related links and comments surround the article (1 = a typical page). */
  boilerplate?: number;
  seed?: number;
}

/** Builds the page. */
export function buildNewsPage({ articleParagraphs, boilerplate = 1, seed = 20_240_305 }: NewsPageOptions): string {
  const random = seeded(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const words = (n: number): string => Array.from({ length: n }, () => pick(WORDS)).join(' ');

  const sentence = (): string => {
    const parts: string[] = [];
    const count = 8 + Math.floor(random() * 14);
    for (let i = 0; i < count; i++) {
      const roll = random();
      const word = pick(WORDS);
      if (roll < 0.03) parts.push(`<a href="/news/2024/${word}-${i}" class="inline-link" data-track="article">${word} ${pick(WORDS)}</a>`);
      else if (roll < 0.05) parts.push(`<em>${word}</em>`);
      else if (roll < 0.06) parts.push(`<strong>${word} ${pick(WORDS)}</strong>`);
      else if (roll < 0.065) parts.push(`<span class="highlight">${word}</span>`);
      else parts.push(word);
    }
    const text = parts.join(' ');
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  };
  const paragraph = (): string => `<p class="article__paragraph">\n      ${Array.from({ length: 3 + Math.floor(random() * 4) }, sentence).join(' ')}\n    </p>`;

  const article: string[] = [];
  for (let i = 0; i < articleParagraphs; i++) {
    if (i > 0 && i % 40 === 0) article.push(`<h2>${words(4)}</h2>`);
    if (i % 97 === 50) article.push(`<ul>\n${Array.from({ length: 4 }, () => `  <li>${words(9)} <a href="https://example.org/${pick(WORDS)}">${pick(WORDS)}</a></li>`).join('\n')}\n</ul>`);
    if (i % 131 === 70) article.push(`<ol start="3"><li>${words(7)}</li><li>${words(8)}</li></ol>`);
    if (i % 150 === 20) article.push(`<blockquote><p>“${words(20)}”</p><p>— ${words(2)}</p></blockquote>`);
    if (i % 173 === 90) article.push(`<p dir="rtl" lang="ar">${Array.from({ length: 30 }, () => pick(ARABIC)).join(' ')}.</p>`);
    if (i % 60 === 30) article.push(`<figure class="article__image"><img src="https://cdn.example.com/img/${i}.jpg" alt="${words(5)}"><figcaption>${words(10)}</figcaption></figure>`);
    if (i % 80 === 45) article.push(`<div class="ad-slot advertisement" id="ad-${i}"><span>ADVERTISEMENT</span><script>window.ads&&ads.push(${i})</script></div>`);
    article.push(paragraph());
  }

  const count = (n: number): number => Math.round(n * boilerplate);
  const icon = `<svg class="icon" viewBox="0 0 24 24" aria-hidden="true"><path d="M12 2C6.48 2 2 6.48 2 12s4.48 10 10 10 10-4.48 10-10S17.52 2 12 2zm0 18c-4.41 0-8-3.59-8-8s3.59-8 8-8 8 3.59 8 8-3.59 8-8 8z"/></svg>`;
  const navigation = Array.from({ length: count(400) }, (_, i) => `<li class="nav__item nav__item--level-${i % 3}"><a href="/section/${i}" data-link-name="nav : ${i}">${icon}<span>${words(2)}</span></a></li>`).join('\n');
  const related = Array.from({ length: count(150) }, (_, i) => `<li class="related__item"><a href="/related/${i}"><img src="/thumb/${i}.jpg" srcset="/thumb/${i}@2x.jpg 2x" alt="">${words(8)}</a><time datetime="2024-03-0${1 + (i % 4)}">${i % 9} hours ago</time></li>`).join('\n');
  const comments = Array.from({ length: count(200) }, (_, i) => `<div class="comment" id="c${i}"><span class="comment__author">${words(2)}</span><p>${words(25)}</p><button class="comment__reply">${icon}Reply</button></div>`).join('\n');
  const inlineScript = `<script>window.__STATE__ = ${JSON.stringify({ items: Array.from({ length: count(2_500) }, (_, i) => ({ id: i, title: words(6), url: `/news/${i}`, tags: [pick(WORDS), pick(WORDS)] })) })};</script>`;
  const styles = `<style>${Array.from({ length: count(2_500) }, (_, i) => `.c${i} { margin: ${i}px; color: #${(i * 4_099).toString(16).padStart(6, '0').slice(0, 6)}; }`).join('\n')}</style>`;

  return `<!DOCTYPE html>
<html lang="en-GB" dir="ltr">
<head>
<meta charset="utf-8">
<title>Dam failure floods three villages | The Daily Ledger</title>
<link rel="canonical" href="https://ledger.example.com/news/2024/03/05/dam-failure">
<meta property="og:site_name" content="The Daily Ledger">
<meta name="author" content="Amina Haddad">
<meta property="article:published_time" content="2024-03-05T08:30:00+01:00">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","datePublished":"2024-03-05T08:30:00+01:00"}</script>
${styles}
${inlineScript}
</head>
<body class="article-page">
<header class="site-header"><nav class="main-nav"><ul>
${navigation}
</ul></nav><div class="subscribe">Subscribe now</div></header>
<main>
<article class="article">
<h1>Dam failure floods three villages</h1>
<p class="byline">By Amina Haddad</p>
<div class="article__body">
${article.join('\n')}
</div>
</article>
<aside class="related"><h3>Related</h3><ul>
${related}
</ul></aside>
<section class="comments"><h3>Comments</h3>
${comments}
</section>
</main>
<footer class="site-footer"><p>© 2024 The Daily Ledger. All rights reserved.</p></footer>
</body>
</html>
`;
}
