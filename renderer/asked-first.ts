/**
 * Asks main for what the workbench shows first (renderer/app/first-answers.ts) when this module is
 * evaluated. main.tsx imports it before the app's modules, so the round trip to main runs while
 * the browser evaluates them rather than after.
 */
import { askFirstAnswers } from './app/first-answers.js';

export const firstAnswers = askFirstAnswers();
