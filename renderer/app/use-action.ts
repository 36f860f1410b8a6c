/**
 * The state of a dialog's action that may fail: busy while it runs (its button disabled), and
 * the problem it returned (shown in the dialog). One rule for every dialog that confirms or submits.
 */
import { useState } from 'preact/hooks';

export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  /** Runs `work`; a returned string is the problem to show. */
  const run = async (work: () => Promise<string | void>): Promise<void> => {
    setBusy(true);
    const problem = await work();
    setBusy(false);
    if (problem) setError(problem);
  };
  return { busy, error, setError, run };
}
