/** Readable wording for a zod validation problem: where in the file, and what is wrong there. */
import type { z } from 'zod';

/** Names the place of an issue as `documents[0].title`, or "the top level". */
function placeOf(path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'the top level';
  const place = path.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`)).join('');
  return `"${place}"`;
}

/** One sentence about the first problem zod found, such as `at "name": Invalid input: expected string`. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'it does not match the expected shape';
  return `at ${placeOf(issue.path)}: ${issue.message}`;
}
