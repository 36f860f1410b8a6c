/**
 * Maps an `app://factmark/…` request to a file of the renderer bundle, and to nothing else.
 * The bundle's file names are ours and plain (`index.html`, `app.js`, `styles/app.css`), so a
 * request is matched on its raw text, segment by segment, against plain names: anything dotted,
 * percent-encoded, back-slashed or otherwise unusual is refused instead of being decoded or
 * normalised (URL parsers turn `%2e%2e` into `..` silently). The async check then follows
 * symbolic links and checks again that the real file lies inside the real bundle folder.
 */
import { realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { APP_ORIGIN } from './app-origin.js';

/** A path segment the bundle may contain: a plain name that does not start with a dot. */
const PLAIN_SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;

/** The page served for the origin's root, `app://factmark/`. */
const INDEX_FILE = 'index.html';

/**
 * The absolute path inside `bundleRoot` that `requestUrl` names, or null when the request is not
 * for the app's origin or its path is anything but plain names separated by single slashes.
 * The query and fragment are ignored; the root (`/`) is `index.html`. Does not touch the disk.
 */
export function resolveBundlePath(requestUrl: unknown, bundleRoot: string): string | null {
  const prefix = `${APP_ORIGIN}/`;
  if (typeof requestUrl !== 'string' || !requestUrl.startsWith(prefix)) return null;
  const rest = requestUrl.slice(prefix.length);
  const end = rest.search(/[?#]/);
  const rawPath = end === -1 ? rest : rest.slice(0, end);
  const segments = rawPath === '' ? [INDEX_FILE] : rawPath.split('/');
  if (!segments.every((segment) => PLAIN_SEGMENT.test(segment))) return null;
  const root = resolve(bundleRoot);
  const candidate = join(root, ...segments);
  return isInside(root, candidate) ? candidate : null;
}

/**
 * The real path of the regular file that `requestUrl` names inside `bundleRoot`, or null when
 * {@link resolveBundlePath} refuses it, it does not exist, it is not a regular file, or a
 * symbolic link leads it outside the (real) bundle folder.
 */
export async function resolveBundleFile(requestUrl: unknown, bundleRoot: string): Promise<string | null> {
  const candidate = resolveBundlePath(requestUrl, bundleRoot);
  if (candidate === null) return null;
  try {
    const [realRoot, realFile] = await Promise.all([realpath(bundleRoot), realpath(candidate)]);
    if (!isInside(realRoot, realFile)) return null;
    return (await stat(realFile)).isFile() ? realFile : null;
  } catch {
    return null;
  }
}

/** True when `path` lies strictly inside the folder `root` (both absolute). */
function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && !isAbsolute(rel) && rel.split(sep)[0] !== '..';
}
