import { describe, expect, it } from 'vitest';
import { modelCatalogue, type ModelInfo } from '../../src-preload/contract/models';
import { buildRequestParams, encodeRequestBody } from '../../src-main/generation/request-body';
import { model } from '../support/models';
import { request } from './harness';

describe('buildRequestParams', () => {
  it('always states the watermark choice', () => {
    for (const entry of modelCatalogue) {
      expect(buildRequestParams(request({ model: entry.id, watermark: false }), entry).watermark).toBe(false);
      expect(buildRequestParams(request({ model: entry.id, watermark: true }), entry).watermark).toBe(true);
    }
  });

  it('sends sequence and stream fields to models that take them', () => {
    const params = buildRequestParams(
      request({ sequential: 'auto', maxImages: 4, stream: true, size: { width: 2304, height: 1728 } }),
      model('doubao-seedream-4-5-251128'),
    );
    expect(params).toEqual({
      model: 'doubao-seedream-4-5-251128',
      prompt: 'a lighthouse at dusk',
      size: '2304x1728',
      response_format: 'url',
      watermark: false,
      sequential_image_generation: 'auto',
      sequential_image_generation_options: { max_images: 4 },
      stream: true,
    });
  });

  it('never sends sequence or stream fields to the pro model', () => {
    const params = buildRequestParams(
      request({ model: 'seedream-5-0-pro-260628', size: '2K', stream: true, outputFormat: 'png' }),
      model('seedream-5-0-pro-260628'),
    );
    expect(Object.keys(params).sort()).toEqual(
      ['model', 'output_format', 'prompt', 'response_format', 'size', 'watermark'].sort(),
    );
  });

  it('sends seed and guidance only where the catalogue allows them', () => {
    const legacy: ModelInfo = {
      ...model('doubao-seedream-4-0-250828'),
      id: 'seedream-3-0',
      seed: true,
      guidanceScale: true,
    };
    expect(buildRequestParams(request({ seed: 42, guidanceScale: 2.5 }), legacy)).toMatchObject({
      seed: 42,
      guidance_scale: 2.5,
    });
    const modern = buildRequestParams(
      request({ seed: 42, guidanceScale: 2.5 }),
      model('doubao-seedream-4-0-250828'),
    );
    expect(modern).not.toHaveProperty('seed');
    expect(modern).not.toHaveProperty('guidance_scale');
  });
});

describe('encodeRequestBody', () => {
  it('writes valid JSON with the references as an image array', () => {
    const references = [
      'data:image/png;base64,iVBORw0KGgo=',
      'data:image/jpeg;base64,/9j/4AAQ',
      'https://x/y?a="b"',
    ];
    const body = encodeRequestBody({ model: 'm', prompt: 'p' }, references).join('');
    expect(JSON.parse(body)).toEqual({ model: 'm', prompt: 'p', image: references });
    expect(JSON.parse(encodeRequestBody({ model: 'm' }, []).join(''))).toEqual({ model: 'm' });
  });
});
