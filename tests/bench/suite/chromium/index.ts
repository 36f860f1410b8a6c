/** The Chromium cases of `npm run bench` (issue #7), in the order they run. */
import type { BenchCase } from '../case.js';
import { annotate1mb } from './annotate-1mb.js';
import { coldLoad } from './cold-load.js';
import { memory5mb } from './memory-5mb.js';
import { open1mb } from './open-1mb.js';
import { openType5mb } from './open-type-5mb.js';
import { typing1mb } from './typing-1mb.js';

export const chromiumCases: BenchCase[] = [coldLoad, open1mb, typing1mb, annotate1mb, openType5mb, memory5mb];

export { annotate1mb, coldLoad, memory5mb, open1mb, openType5mb, typing1mb };
