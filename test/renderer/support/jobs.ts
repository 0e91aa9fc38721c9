import type { GenerationRequest } from '../../../src-preload/contract/generation';
import type { JobSnapshot } from '../../../src-preload/contract/ipc';

/** A request for a sequence of four, streamed; only what a test names differs. */
export function generationRequest(patch: Partial<GenerationRequest> = {}): GenerationRequest {
  return {
    model: 'doubao-seedream-4-5-251128',
    prompt: 'a fox',
    size: '2K',
    responseFormat: 'url',
    outputFormat: 'jpeg',
    watermark: false,
    sequential: 'auto',
    maxImages: 4,
    stream: true,
    ...patch,
  };
}

/** A running job of generation 1 asking for four images; only what a test names differs. */
export function job(patch: Partial<JobSnapshot> = {}): JobSnapshot {
  return {
    jobId: 'job-1',
    generationId: 1,
    queueItemId: null,
    startedAt: 1000,
    finishedAt: null,
    request: generationRequest(),
    referenceIds: [],
    phase: 'generating',
    expected: 4,
    slots: [],
    usage: null,
    error: null,
    retry: null,
    notices: [],
    estimate: null,
    cost: null,
    ...patch,
  };
}
