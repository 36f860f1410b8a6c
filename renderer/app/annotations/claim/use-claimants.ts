/**
 * Claimants already named in the project, offered as suggestions so one speaker is written one way:
 * the saved claims of every document (api.listClaims) and the open document's claims as they are now.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Claim } from '../../../../shared/model/annotation.js';
import { api } from '../../../api/client.js';
import { claimantNames } from './claimants.js';

/** Suggestions for the claimant field; the project's list is read once per card. */
export function useClaimants(documentClaims: readonly Claim[]): string[] {
  const [projectClaims, setProjectClaims] = useState<Claim[]>([]);
  useEffect(() => {
    let live = true;
    void api.listClaims().then((result) => {
      if (live && result.ok) setProjectClaims(result.value.map((listing) => listing.claim));
    });
    return () => {
      live = false;
    };
  }, []);
  return useMemo(() => claimantNames([...projectClaims, ...documentClaims]), [projectClaims, documentClaims]);
}
