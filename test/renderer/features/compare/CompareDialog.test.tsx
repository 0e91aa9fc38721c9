import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { generationRequestSchema } from '../../../../src-preload/contract/generation';
import { gatewayProfiles } from '../../../../src-preload/contract/gateway-profiles';
import { offerFor } from '../../../../src-preload/contract/model-offer';
import { modelCatalogue } from '../../../../src-preload/contract/models';
import { CompareDialog } from '../../../../src-renderer/features/compare/CompareDialog';
import { renderWithStore, testApp } from '../../support/app-store';
import { ok } from '../../support/fake-api';
import { image } from '../../support/images';
import { job } from '../../support/jobs';
import { settle } from '../../support/manual-timers';

describe('<CompareDialog>', () => {
  it('sends the prompt to each chosen model at once and shows the results side by side', async () => {
    let next = 0;
    const app = testApp({
      'generation:start': ({ request }) => {
        next += 1;
        return ok(
          job({ jobId: `job-${next}`, generationId: next, request: generationRequestSchema.parse(request) }),
        );
      },
    });
    app.store.getState().watchJobs();
    app.store.getState().updateDraft({ prompt: 'a fox' });
    renderWithStore(<CompareDialog />, app);
    await userEvent.click(screen.getByRole('button', { name: 'Compare models' }));
    const dialog = screen.getByRole('dialog', { name: 'Compare models' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Compare' }));
    await act(settle);
    const calls = app.fake.callsTo('generation:start');
    const models = calls.map((call) => call.request.model);
    expect(models).toHaveLength(2);
    expect(new Set(models).size).toBe(2);
    expect(calls.every((call) => call.request.prompt === 'a fox')).toBe(true);
    const first = calls[0]?.request;
    act(() => {
      app.fake.emit(
        'generation:progress',
        job({
          jobId: 'job-1',
          generationId: 1,
          request: generationRequestSchema.parse(first),
          startedAt: 1000,
          finishedAt: 3500,
          phase: 'done',
          usage: { generatedImages: 1, outputTokens: 16384, totalTokens: 16384 },
          slots: [{ index: 0, state: 'saved', image: image(5), error: null }],
        }),
      );
    });
    const results = within(dialog).getByRole('region', { name: 'Comparison' });
    const columns = within(results).getAllByRole('region');
    expect(columns).toHaveLength(2);
    expect(columns[0]?.textContent).toContain('2.5 s');
    expect(columns[0]?.textContent).toContain('1 image(s), 16384 tokens');
    expect(columns[1]?.textContent).toContain('Generating…');
  });

  it('says what each model may cost, keeps out what the gateway does not sell, and sends each what it takes', async () => {
    let next = 0;
    const app = testApp({
      'models:offer': () => ok(offerFor(modelCatalogue, gatewayProfiles.cometapi, null)),
      'generation:start': ({ request }) => {
        next += 1;
        return ok(
          job({ jobId: `job-${next}`, generationId: next, request: generationRequestSchema.parse(request) }),
        );
      },
    });
    app.store.getState().watchJobs();
    await app.store.getState().loadOffer();
    app.store.getState().updateDraft({
      prompt: 'a fox',
      model: 'doubao-seedream-4-5-251128',
      sequential: 'auto',
      maxImages: 4,
      size: { kind: 'aspect', ratio: '1:1', preset: '4K' },
    });
    renderWithStore(<CompareDialog />, app);
    await userEvent.click(screen.getByRole('button', { name: 'Compare models' }));
    const dialog = screen.getByRole('dialog', { name: 'Compare models' });
    // List prices on CometAPI: 4.5 at $0.04 and 4.0 at $0.03 an image, four images at most.
    expect(within(dialog).getByText('Seedream 4.5', { exact: false }).textContent).toContain(
      'about $0.16 for up to 4 images',
    );
    expect(within(dialog).getByText('Seedream 4.0', { exact: false }).textContent).toContain(
      'about $0.12 for up to 4 images',
    );
    const pro = within(dialog).getByRole('checkbox', { name: /Seedream 5\.0 pro/ });
    expect(pro).toHaveProperty('disabled', true);
    expect(pro.parentElement?.textContent).toContain('not offered by this gateway');

    await userEvent.click(within(dialog).getByRole('button', { name: 'Compare' }));
    await act(settle);
    const calls = app.fake.callsTo('generation:start');
    const sent = new Map(calls.map((call) => [call.request.model, call.request]));
    expect([...sent.keys()].sort()).toEqual(['doubao-seedream-4-5-251128', 'doubao-seedream-5-0-260128']);
    // 5.0 lite has no 4K: its request is moved to the nearest size it takes, and its column says so.
    expect(sent.get('doubao-seedream-5-0-260128')?.size).not.toEqual(
      sent.get('doubao-seedream-4-5-251128')?.size,
    );
    const results = within(dialog).getByRole('region', { name: 'Comparison' });
    expect(within(results).getByRole('region', { name: 'Seedream 5.0 lite' }).textContent).toMatch(
      /size .* became/,
    );

    const index = calls.findIndex((call) => call.request.model === 'doubao-seedream-4-5-251128');
    act(() => {
      app.fake.emit(
        'generation:progress',
        job({
          jobId: `job-${index + 1}`,
          generationId: index + 1,
          request: generationRequestSchema.parse(calls[index]?.request),
          startedAt: 1000,
          finishedAt: 2000,
          phase: 'done',
          cost: { micros: 80_000, currency: 'USD' },
          slots: [{ index: 0, state: 'saved', image: image(5), error: null }],
        }),
      );
    });
    expect(within(results).getByRole('region', { name: 'Seedream 4.5' }).textContent).toContain('$0.08');
  });
});
