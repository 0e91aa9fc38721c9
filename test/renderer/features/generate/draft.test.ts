import { describe, expect, it } from 'vitest';
import { validateGenerationRequest } from '../../../../src-preload/contract/generation';
import { defaultModelId } from '../../../../src-preload/contract/models';
import {
  buildRequest,
  draftFromRequest,
  draftStorageKey,
  effectiveMaxImages,
  loadDraft,
  parseDraft,
  saveDraft,
  sequenceRoom,
  type RequestContext,
  type WorkspaceDraft,
} from '../../../../src-renderer/features/generate/draft';

const context: RequestContext = {
  referenceCount: 0,
  progressiveDefault: false,
  lastSeed: null,
  randomSeed: () => 7,
};

function draft(patch: Partial<WorkspaceDraft> = {}): WorkspaceDraft {
  return { ...parseDraft(null), prompt: 'a red fox in snow', ...patch };
}

describe('parseDraft', () => {
  it('starts from defaults when nothing is stored or the text is not JSON', () => {
    expect(parseDraft(null).model).toBe(defaultModelId);
    expect(parseDraft('{not json').prompt).toBe('');
    expect(parseDraft('"a string"').size).toEqual({ kind: 'aspect', ratio: '1:1', preset: '2K' });
  });

  it('keeps valid fields and replaces only the broken ones', () => {
    const parsed = parseDraft(
      JSON.stringify({
        prompt: 'kept',
        maxImages: 99,
        watermark: 'yes',
        size: { kind: 'custom', width: 1600 },
      }),
    );
    expect(parsed.prompt).toBe('kept');
    expect(parsed.maxImages).toBe(4);
    expect(parsed.watermark).toBe(false);
    expect(parsed.size).toEqual({ kind: 'aspect', ratio: '1:1', preset: '2K' });
  });

  it('falls back to the default model when the stored one left the catalogue', () => {
    expect(parseDraft(JSON.stringify({ model: 'seedream-1-0-gone' })).model).toBe(defaultModelId);
  });

  it('round-trips through storage under one key and survives a storage that throws', () => {
    const store = new Map<string, string>();
    const storage = {
      getItem: (key: string) => store.get(key) ?? null,
      setItem: (key: string, value: string) => {
        store.set(key, value);
      },
    };
    const saved = draft({ prompt: 'remember me', sequential: 'auto', maxImages: 6 });
    saveDraft(storage, saved);
    expect([...store.keys()]).toEqual([draftStorageKey]);
    expect(loadDraft(storage)).toEqual(saved);

    const broken = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('quota');
      },
    };
    expect(() => {
      saveDraft(broken, saved);
    }).not.toThrow();
    expect(loadDraft(broken).prompt).toBe('');
  });
});

describe('buildRequest', () => {
  it('resolves an aspect ratio to an exact size the model accepts', () => {
    const request = buildRequest(draft({ size: { kind: 'aspect', ratio: '16:9', preset: '2K' } }), context);
    expect(request.size).toEqual({ width: 2560, height: 1440 });
    expect(validateGenerationRequest(request, { referenceCount: 0 })).toEqual([]);
  });

  it('sends JPEG to a JPEG-only model but keeps the PNG choice for a model that can', () => {
    const choice = draft({ outputFormat: 'png', model: 'doubao-seedream-4-5-251128' });
    expect(buildRequest(choice, context).outputFormat).toBe('jpeg');
    expect(buildRequest({ ...choice, model: 'doubao-seedream-5-0-260128' }, context).outputFormat).toBe(
      'png',
    );
  });

  it('drops sequences and streaming for a model without them', () => {
    const request = buildRequest(
      draft({ model: 'seedream-5-0-pro-260628', sequential: 'auto', maxImages: 5, progressive: true }),
      context,
    );
    expect(request.sequential).toBe('disabled');
    expect(request.maxImages).toBe(1);
    expect(request.stream).toBe(false);
  });

  it('follows the Settings default for progressive results unless the workspace overrides it', () => {
    expect(buildRequest(draft(), { ...context, progressiveDefault: true }).stream).toBe(true);
    expect(buildRequest(draft({ progressive: false }), { ...context, progressiveDefault: true }).stream).toBe(
      false,
    );
  });

  it('never sends seed or guidance scale to models that ignore them', () => {
    const request = buildRequest(draft({ seedMode: 'fixed', seed: 5, guidanceScale: 7 }), context);
    expect(request).not.toHaveProperty('seed');
    expect(request).not.toHaveProperty('guidanceScale');
  });

  it('bounds max images by the references in the tray', () => {
    const sequence = draft({ sequential: 'auto', maxImages: 10 });
    expect(buildRequest(sequence, { ...context, referenceCount: 8 }).maxImages).toBe(7);
    expect(effectiveMaxImages(sequence, 14)).toBe(1);
    expect(effectiveMaxImages(sequence, 15)).toBe(1);
    expect(sequenceRoom(3)).toBe(12);
    expect(sequenceRoom(20)).toBe(0);
  });
});

describe('draftFromRequest', () => {
  it('shows an exact size produced by an aspect preset as that preset', () => {
    const remixed = draftFromRequest(draft(), {
      ...buildRequest(draft({ size: { kind: 'aspect', ratio: '3:4', preset: '4K' } }), context),
      prompt: 'from the library',
    });
    expect(remixed.prompt).toBe('from the library');
    expect(remixed.size).toEqual({ kind: 'aspect', ratio: '3:4', preset: '4K' });
  });

  it('keeps any other exact size as a custom size and loads the sequence settings', () => {
    const remixed = draftFromRequest(draft(), {
      ...buildRequest(draft(), context),
      size: { width: 2000, height: 2100 },
      sequential: 'auto',
      maxImages: 9,
      watermark: true,
    });
    expect(remixed.size).toEqual({ kind: 'custom', width: 2000, height: 2100 });
    expect(remixed.sequential).toBe('auto');
    expect(remixed.maxImages).toBe(9);
    expect(remixed.watermark).toBe(true);
  });
});
