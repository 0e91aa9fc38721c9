import { describe, expect, it } from 'vitest';
import { describeRequest } from '../../../../src-renderer/features/library/request-summary';

describe('describeRequest', () => {
  it('reads a sequence request as a person would: the model by name, the count, the choices', () => {
    expect(
      describeRequest({
        model: 'doubao-seedream-4-5-251128',
        prompt: 'a fox',
        size: '2048x1536',
        response_format: 'url',
        watermark: false,
        sequential_image_generation: 'auto',
        sequential_image_generation_options: { max_images: 4 },
        stream: true,
      }),
    ).toEqual([
      { kind: 'model', name: 'Seedream 4.5' },
      { kind: 'size', width: 2048, height: 1536 },
      { kind: 'images', count: 4, sequence: true },
      { kind: 'watermark', on: false },
      { kind: 'delivery', as: 'link' },
      { kind: 'progressive', on: true },
    ]);
  });

  it('keeps presets, single images, seeds and the output format, and names what it does not know', () => {
    expect(
      describeRequest({
        model: 'some-future-model',
        size: '2K',
        sequential_image_generation: 'disabled',
        output_format: 'png',
        seed: 42,
        guidance_scale: 5.5,
        response_format: 'b64_json',
        optimize_prompt: { mode: 'fast' },
      }),
    ).toEqual([
      { kind: 'model', name: 'some-future-model' },
      { kind: 'sizePreset', preset: '2K' },
      { kind: 'images', count: 1, sequence: false },
      { kind: 'outputFormat', format: 'PNG' },
      { kind: 'seed', value: 42 },
      { kind: 'guidance', value: 5.5 },
      { kind: 'delivery', as: 'data' },
      { kind: 'other', name: 'optimize_prompt', value: '{"mode":"fast"}' },
    ]);
  });
});
