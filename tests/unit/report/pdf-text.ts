/** The text of a PDF as pdf.js extracts it (what a reader's copy, search and screen reader get), page by page. */

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let loading: Promise<PdfJs> | undefined;

function pdfjs(): Promise<PdfJs> {
  loading ??= (async () => {
    // @ts-expect-error -- pdf.js ships no types for its worker module; it is only registered here.
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  })();
  return loading;
}

/** Each page's text, its lines ended by newlines. */
export async function pdfPages(bytes: Uint8Array): Promise<string[]> {
  const { getDocument } = await pdfjs();
  const pdf = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''));
  }
  await pdf.destroy();
  return pages;
}

/** The whole text with every run of white space as one space, so words wrapped across lines still read as a phrase. */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  return (await pdfPages(bytes)).join('\n').replace(/\s+/g, ' ');
}

/** The link annotations of every page: where each goes (`url` for an address, `dest` for a place in the document). */
export async function pdfLinks(bytes: Uint8Array): Promise<{ url?: string; dest?: unknown }[]> {
  const { getDocument } = await pdfjs();
  const pdf = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  const links: { url?: string; dest?: unknown }[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    for (const annotation of (await (await pdf.getPage(n)).getAnnotations()) as { subtype: string; url?: string; dest?: unknown }[]) {
      if (annotation.subtype === 'Link') links.push({ ...(annotation.url ? { url: annotation.url } : {}), ...(annotation.dest ? { dest: annotation.dest } : {}) });
    }
  }
  await pdf.destroy();
  return links;
}

/** The document information dictionary (Title, Author, Creator, Producer, dates) as pdf.js reads it. */
export async function pdfInfo(bytes: Uint8Array): Promise<Record<string, unknown>> {
  const { getDocument } = await pdfjs();
  const pdf = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  const { info } = await pdf.getMetadata();
  await pdf.destroy();
  return info as Record<string, unknown>;
}
