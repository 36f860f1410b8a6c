/** Tags: the labels of a project's codebook, as in qualitative-analysis tools (Taguette, MAXQDA). */
import * as z from 'zod';
import { Colour, Id, Line, LongText } from './common.js';

/** One label of the codebook; `parentId` nests it under another tag. */
export const Tag = z.strictObject({
  id: Id,
  name: Line.min(1),
  colour: Colour,
  description: LongText.default(''),
  parentId: Id.nullable().default(null),
});
export type Tag = z.infer<typeof Tag>;
