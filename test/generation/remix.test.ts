import { describe, expect, it } from 'vitest';
import { generationRequestSchema } from '../../src-preload/contract/generation';
import { buildRequestParams } from '../../src-main/generation/request-body';
import { requestFromSentParams } from '../../src-main/generation/remix';
import { model } from '../support/models';

describe('requestFromSentParams', () => {
  it('recovers a sequence request exactly as it was sent', () => {
    const request = generationRequestSchema.parse({
      model: 'doubao-seedream-4-5-251128',
      prompt: '一只猫 in four seasons',
      size: { width: 2848, height: 1600 },
      responseFormat: 'b64_json',
      watermark: true,
      sequential: 'auto',
      maxImages: 4,
      stream: true,
    });
    const sent = buildRequestParams(request, model(request.model));
    expect(requestFromSentParams(sent)).toEqual(request);
  });

  it('keeps a preset size as a preset', () => {
    const request = generationRequestSchema.parse({
      model: 'doubao-seedream-4-0-250828',
      prompt: 'x',
      size: '4K',
    });
    const sent = buildRequestParams(request, model(request.model));
    expect(requestFromSentParams(sent)?.size).toBe('4K');
  });

  it('refuses records without a model or prompt', () => {
    expect(requestFromSentParams({ size: '2K' })).toBeNull();
    expect(requestFromSentParams({ model: 'm', prompt: 'p', size: 'huge' })).toMatchObject({
      size: { width: 2048, height: 2048 },
    });
  });
});
