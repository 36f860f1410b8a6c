/**
 * The one wrapper every contract call goes through, whichever host carries it (Electron IPC or the
 * browser host): it checks the call exists, validates the arguments against the contract's schema,
 * runs the handler and turns every outcome into a plain {@link Result}. Nothing thrown escapes.
 */
import { CALL_NAMES, type CallArgs, type CallName, type CallResults } from '../../shared/contract.js';
import type { argumentSchemas } from '../../shared/contract-validation.js';
import { FactmarkError, fail, ok, type Result } from '../../shared/result.js';

/** One implementation per contract call. Handlers throw {@link FactmarkError} for expected failures. */
export type Handlers = { [K in CallName]: (...args: CallArgs<K>) => Promise<CallResults[K]> | CallResults[K] };

const CALLS: ReadonlySet<string> = new Set(CALL_NAMES);

/** True when `name` is a call of the contract (and not, say, `__proto__` or `constructor`). */
export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && CALLS.has(name);
}

let schemas: Promise<typeof argumentSchemas> | null = null;

/**
 * The contract's argument schemas, loaded on the first call: zod and the schemas are a large part
 * of the main bundle's evaluation, and the desktop app starts (and a second instance hands over
 * and quits) without evaluating them (issue #7; electron-main.ts loads the services the same way).
 */
function schemasLoaded(): Promise<typeof argumentSchemas> {
  schemas ??= import('../../shared/contract-validation.js').then((module) => module.argumentSchemas);
  return schemas;
}

/** Reports an unexpected failure somewhere the developer will see it; the user gets a short message. */
export type InternalErrorReporter = (name: string, error: unknown) => void;

const defaultReporter: InternalErrorReporter = (name, error) => console.error(`factmark: call ${name} failed`, error);

/**
 * Validates `rawArgs` for the call `name` and runs its handler.
 * Returns `INVALID_ARGUMENT` for an unknown call or bad arguments (with the first problem named),
 * the handler's own error for a {@link FactmarkError}, and `INTERNAL` for anything else.
 */
export async function dispatch(handlers: Handlers, name: unknown, rawArgs: unknown, report: InternalErrorReporter = defaultReporter): Promise<Result<unknown>> {
  if (!isCallName(name)) return fail('INVALID_ARGUMENT', `There is no call named ${JSON.stringify(String(name)).slice(0, 80)}.`);
  let parsed;
  try {
    parsed = (await schemasLoaded())[name].safeParse(rawArgs);
  } catch (error) {
    schemas = null;
    report(name, error);
    return fail('INTERNAL', `Factmark could not check the call "${name}": part of it failed to load. Your saved work is untouched.`);
  }
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` (argument ${issue.path.join('.')})` : '';
    return fail('INVALID_ARGUMENT', `Invalid arguments for ${name}${where}: ${issue?.message ?? 'not as the contract says'}.`);
  }
  try {
    const handler = handlers[name] as (...args: unknown[]) => unknown;
    return ok(await handler(...(parsed.data as unknown[])));
  } catch (error) {
    if (error instanceof FactmarkError) return { ok: false, error: error.toAppError() };
    report(name, error);
    return fail('INTERNAL', `Factmark could not complete "${name}" because of an unexpected error. Your saved work is untouched.`);
  }
}
