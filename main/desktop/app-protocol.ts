/**
 * The `app://factmark/` protocol handler: serves the files of the renderer bundle, with the
 * Content-Security-Policy, and answers 404 to everything else (other paths, other hosts,
 * methods other than GET). Written against the web `Request`/`Response` types that Electron's
 * `protocol.handle` uses, so Node tests call it directly.
 */
import { readFile } from 'node:fs/promises';
import { CONTENT_SECURITY_POLICY } from '../security/content-security-policy.js';
import { contentTypeFor } from '../security/content-types.js';
import { resolveBundleFile } from '../security/protocol-path.js';

/** Headers on every answer: the CSP, no MIME sniffing, no caching of a bundle that changes per build. */
const COMMON_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-store',
};

/** Creates the handler for `protocol.handle('app', …)` serving files of `bundleRoot`. */
export function createAppProtocolHandler(bundleRoot: string): (request: Pick<Request, 'url' | 'method'>) => Promise<Response> {
  return async (request) => {
    const file = request.method === 'GET' ? await resolveBundleFile(request.url, bundleRoot) : null;
    if (file === null) {
      return new Response('Not found.', { status: 404, headers: { ...COMMON_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });
    }
    return new Response(await readFile(file), { status: 200, headers: { ...COMMON_HEADERS, 'Content-Type': contentTypeFor(file) } });
  };
}
