import { useMemo } from 'react';
import {
  validateGenerationRequest,
  type GenerationField,
  type GenerationIssue,
  type GenerationRequest,
} from '../../../src-preload/contract/generation';
import { offeredIds } from '../../../src-preload/contract/model-offer';
import { useAppStore } from '../../app/use-app-store';
import { buildRequest } from './draft';

export interface RequestCheck {
  request: GenerationRequest;
  issues: GenerationIssue[];
  issuesFor: (field: GenerationField) => GenerationIssue[];
}

/** The request the draft would send and what validation says about it, recomputed on every change. */
export function useRequestCheck(): RequestCheck {
  const draft = useAppStore((s) => s.draft);
  const referenceCount = useAppStore((s) => s.references.length);
  const progressiveDefault = useAppStore((s) => s.settings?.progressiveResults ?? false);
  const lastSeed = useAppStore((s) => s.lastSeed);
  // What the gateway in use offers: a model it does not sell says so here, before anything is sent.
  const offer = useAppStore((s) => s.modelOffer);
  return useMemo(() => {
    // Validation never depends on which seed is drawn, so a fixed stand-in keeps this pure.
    const request = buildRequest(draft, {
      referenceCount,
      progressiveDefault,
      lastSeed,
      randomSeed: () => 0,
    });
    const issues = validateGenerationRequest(request, {
      referenceCount,
      ...(offer ? { offer: offeredIds(offer) } : {}),
    });
    return {
      request,
      issues,
      issuesFor: (field) => issues.filter((found) => found.field === field),
    };
  }, [draft, referenceCount, progressiveDefault, lastSeed, offer]);
}
