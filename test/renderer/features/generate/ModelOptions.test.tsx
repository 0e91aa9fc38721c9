import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { modelCatalogue } from '../../../../src-preload/contract/models';
import { buildRequest } from '../../../../src-renderer/features/generate/draft';
import { ModelOptions } from '../../../../src-renderer/features/generate/ModelOptions';
import { renderWithStore, testApp } from '../../support/app-store';
import { chooseOption } from '../../support/select';

const context = { referenceCount: 0, progressiveDefault: false, lastSeed: null, randomSeed: () => 1 };

describe.each(modelCatalogue.map((model) => [model.label, model] as const))('%s', (_label, model) => {
  it('shows only the options its catalogue entry offers, and sends only those', () => {
    const app = testApp();
    act(() => {
      app.store.getState().updateDraft({
        model: model.id,
        promptMode: 'standard',
        webSearch: true,
        background: 'transparent',
        outputFormat: 'png',
      });
    });
    renderWithStore(<ModelOptions issuesFor={() => []} />, app);
    expect(screen.queryByRole('combobox', { name: 'Prompt optimisation' }) !== null).toBe(
      model.promptModes.length > 0,
    );
    expect(screen.queryByRole('checkbox', { name: /Search the web first/ }) !== null).toBe(model.webSearch);
    expect(screen.queryByRole('combobox', { name: 'Background' }) !== null).toBe(
      model.backgrounds.length > 0,
    );
    const request = buildRequest(app.store.getState().draft, context);
    expect(request.promptMode === 'standard').toBe(model.promptModes.includes('standard'));
    expect(request.webSearch === true).toBe(model.webSearch);
    expect(request.background === 'transparent').toBe(model.backgrounds.includes('transparent'));
  });
});

describe('the background', () => {
  it('asks for PNG when it is made transparent', async () => {
    const transparent = modelCatalogue.find((model) => model.backgrounds.includes('transparent'));
    if (!transparent) throw new Error('no model makes transparent backgrounds');
    const app = testApp();
    act(() => {
      app.store.getState().updateDraft({ model: transparent.id, outputFormat: 'jpeg' });
    });
    renderWithStore(<ModelOptions issuesFor={() => []} />, app);
    await chooseOption(userEvent.setup(), 'Background', 'Transparent (PNG)');
    expect(app.store.getState().draft).toMatchObject({ background: 'transparent', outputFormat: 'png' });
  });
});
