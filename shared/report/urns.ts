/**
 * Stable names for what an export refers to but has no web address: `urn:factmark:project:<id>…`.
 * Ids are letters, digits, `-` and `_`, so they need no escaping, and the same project always gives
 * the same names. Where a web address exists it is preferred.
 */
import { urlProblem } from '../check/fields.js';
import type { StoredProject } from '../model/project.js';

/** The name of the project itself. */
export function projectUrn(project: StoredProject): string {
  return `urn:factmark:project:${project.id}`;
}

/** The name of a part of the project: e.g. `partUrn(project, 'document', id)` gives `urn:factmark:project:<p>:document:<id>`. */
export function partUrn(project: StoredProject, kind: 'annotation' | 'annotations' | 'claim' | 'document' | 'source', ...ids: string[]): string {
  return [projectUrn(project), kind, ...ids].join(':');
}

/** The web address when it is a valid http(s) one (what the forms let through), else the URN given. */
export function webAddressOr(url: string, urn: string): string {
  return url.trim() !== '' && urlProblem(url) === null ? url.trim() : urn;
}
