import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { gatewayProfiles } from '../../../../src-preload/contract/gateway-profiles';
import { offerFor } from '../../../../src-preload/contract/model-offer';
import { modelCatalogue } from '../../../../src-preload/contract/models';
import { EditView } from '../../../../src-renderer/features/edit/EditView';
import { renderWithStore, testApp } from '../../support/app-store';
import { failed, ok } from '../../support/fake-api';
import { image } from '../../support/images';
import { generationRequest, job } from '../../support/jobs';

const base = image(1, { width: 200, height: 100 });
/** An edit the library remembers, drawn on the base. */
const remembered = { baseImageId: 1, baseGenerationId: 1, image: null, running: false, error: null };

function openView() {
  const app = testApp({ 'edit:takeOpened': () => ok({ images: [], problems: [] }) });
  app.store.getState().openEditBase(base);
  renderWithStore(<EditView />, app);
  const canvas = screen.getByRole('img', { name: 'Base image, 200 by 100 pixels' });
  // Drawn at twice the base's size; jsdom has no layout, so the canvas says where it is.
  canvas.getBoundingClientRect = () => DOMRect.fromRect({ x: 0, y: 0, width: 400, height: 200 });
  return { app, canvas };
}

function drag(target: Element, from: [number, number], to: [number, number]) {
  fireEvent.pointerDown(target, { button: 0, pointerId: 1, clientX: from[0], clientY: from[1] });
  fireEvent.pointerMove(target, { pointerId: 1, clientX: to[0], clientY: to[1] });
  fireEvent.pointerUp(target, { pointerId: 1, clientX: to[0], clientY: to[1] });
}

/** Picks a model from the pop-up list as a person does. */
async function chooseModel(name: string) {
  await userEvent.click(screen.getByRole('combobox', { name: 'Model' }));
  await userEvent.click(await screen.findByRole('option', { name: new RegExp(`^${name}`) }));
}

describe('the Edit view', () => {
  it('is a region named Edit that offers a way in when nothing is open', () => {
    const app = testApp();
    renderWithStore(<EditView />, app);
    const region = screen.getByRole('region', { name: 'Edit' });
    expect(within(region).getByRole('button', { name: 'Choose an image…' })).toBeTruthy();
  });

  it('draws a rectangle with the mouse in base pixels, whatever the zoom, and undoes it with Ctrl+Z', async () => {
    const { app, canvas } = openView();
    const tools = screen.getByRole('toolbar', { name: 'Markup tools' });
    await userEvent.click(within(tools).getByRole('radio', { name: 'Rectangle' }));
    drag(canvas, [20, 20], [220, 120]);
    expect(app.store.getState().editHistory?.present.marks).toEqual([
      { kind: 'rectangle', from: { x: 10, y: 10 }, to: { x: 110, y: 60 }, color: '#ff3b30', width: 'medium' },
    ]);
    expect(canvas.querySelector('rect')).not.toBeNull();
    await userEvent.keyboard('{Control>}z{/Control}');
    expect(app.store.getState().editHistory?.present.marks).toEqual([]);
    await userEvent.keyboard('{Shift>}{Control>}z{/Control}{/Shift}');
    expect(app.store.getState().editHistory?.present.marks).toHaveLength(1);
  });

  it('switches tools with their keys, and keeps them out of the instruction', async () => {
    const { app } = openView();
    await userEvent.keyboard('e');
    expect(app.store.getState().editTool).toBe('ellipse');
    await userEvent.type(screen.getByLabelText('Instruction'), 'paint');
    expect(app.store.getState().editTool).toBe('ellipse');
    expect(app.store.getState().editPrompt).toBe('paint');
  });

  it('pans with Space held and a drag, or a middle-button drag, showing a hand and drawing nothing', async () => {
    const { app, canvas } = openView();
    const tools = screen.getByRole('toolbar', { name: 'Markup tools' });
    await userEvent.click(within(tools).getByRole('radio', { name: 'Rectangle' }));
    const viewport = canvas.closest('.edit-canvas__viewport');
    if (!(viewport instanceof HTMLElement)) throw new Error('expected the canvas in a viewport');
    viewport.scrollLeft = 100;
    viewport.scrollTop = 50;
    expect(viewport.dataset.pan).toBeUndefined();

    // Focus on a control and the pointer elsewhere: Space is the control's (a keyboard user pressing it).
    const tool = document.activeElement ?? document.body;
    expect(tool.getAttribute('role')).toBe('radio');
    expect(fireEvent.keyDown(tool, { key: ' ' })).toBe(true);
    expect(viewport.dataset.pan).toBeUndefined();
    // Over the canvas, the tool just clicked keeps the focus, yet Space means "pan".
    fireEvent.pointerEnter(viewport);
    expect(fireEvent.keyDown(tool, { key: ' ' })).toBe(false);
    expect(viewport.dataset.pan).toBe('ready');
    fireEvent.pointerDown(canvas, { button: 0, pointerId: 2, clientX: 50, clientY: 50 });
    expect(viewport.dataset.pan).toBe('dragging');
    fireEvent.pointerMove(canvas, { pointerId: 2, clientX: 20, clientY: 10 });
    fireEvent.pointerUp(canvas, { pointerId: 2, clientX: 20, clientY: 10 });
    expect([viewport.scrollLeft, viewport.scrollTop]).toEqual([130, 90]);
    expect(viewport.dataset.pan).toBe('ready');
    fireEvent.keyUp(window, { key: ' ' });
    expect(viewport.dataset.pan).toBeUndefined();

    fireEvent.pointerDown(canvas, { button: 1, pointerId: 3, clientX: 0, clientY: 0 });
    fireEvent.pointerMove(canvas, { pointerId: 3, clientX: 30, clientY: 40 });
    fireEvent.pointerUp(canvas, { pointerId: 3, clientX: 30, clientY: 40 });
    expect([viewport.scrollLeft, viewport.scrollTop]).toEqual([100, 50]);
    expect(app.store.getState().editHistory?.present.marks).toEqual([]);

    // In the instruction, Space is a space.
    await userEvent.type(screen.getByLabelText('Instruction'), 'a b');
    expect(app.store.getState().editPrompt).toBe('a b');
    expect(viewport.dataset.pan).toBeUndefined();
  });

  it('keeps Regions off with the reason until the model reads them, then puts a drawn box into the instruction', async () => {
    const { app, canvas } = openView();
    const mode = screen.getByRole('radiogroup', { name: 'Edit mode' });
    expect(within(mode).getByRole('radio', { name: 'Regions' }).hasAttribute('disabled')).toBe(true);
    expect(screen.getByText(/does not read points and boxes/)).toBeTruthy();

    await chooseModel('Seedream 5.0 pro');
    await userEvent.click(within(mode).getByRole('radio', { name: 'Regions' }));
    const tools = screen.getByRole('toolbar', { name: 'Region tools' });
    expect(within(tools).getByRole('radio', { name: 'Box' }).getAttribute('aria-checked')).toBe('true');
    drag(canvas, [0, 0], [200, 100]);
    expect(app.store.getState().editPrompt).toBe('[[box 1]]');
    const chips = screen.getByRole('list', { name: 'Regions in the instruction' });
    const chip = within(chips).getByText('Box 1');
    fireEvent.pointerEnter(chip.closest('li') ?? chip);
    expect(canvas.querySelector('.edit-region--highlighted')).not.toBeNull();
    await userEvent.click(within(chips).getByRole('button', { name: 'Remove Box 1' }));
    expect(app.store.getState().editPrompt).toBe('');
  });

  it('picks the model from the app’s pop-up list: models that take references, the gateway’s others disabled', async () => {
    const { app } = openView();
    act(() => {
      app.store.setState({ modelOffer: offerFor(modelCatalogue, gatewayProfiles.cometapi, null) });
    });
    await userEvent.click(screen.getByRole('combobox', { name: 'Model' }));
    const listbox = await screen.findByRole('listbox');
    const names = within(listbox)
      .getAllByRole('option')
      .map((option) => option.textContent);
    expect(names).toHaveLength(modelCatalogue.filter((model) => model.maxReferences > 0).length);
    const notOffered = within(listbox).getByRole('option', {
      name: /^Seedream 5\.0 pro \(not offered by CometAPI\)/,
    });
    expect(notOffered.getAttribute('aria-disabled')).toBe('true');
    expect(notOffered.textContent).toContain('Reads points and boxes (Regions)');
    await userEvent.click(within(listbox).getByRole('option', { name: /^Seedream 4\.0/ }));
    expect(app.store.getState().editModel).toBe('doubao-seedream-4-0-250828');
    expect(screen.getByRole('combobox', { name: 'Model' }).textContent).toBe('Seedream 4.0');
  });

  it('lists the versions, the original first, and applies the edit', async () => {
    const { app } = openView();
    app.fake.answer({
      'edit:apply': () =>
        ok({
          job: job({
            jobId: 'j',
            generationId: 5,
            startedAt: 0,
            request: generationRequest({ prompt: 'x', sequential: 'disabled', maxImages: 1, stream: false }),
            referenceIds: [1],
            phase: 'sending',
            expected: 1,
          }),
          sent: base,
          prompt: 'x',
        }),
    });
    const versions = screen.getByRole('list', { name: 'Versions' });
    expect(
      within(versions)
        .getAllByRole('button')
        .map((button) => button.textContent),
    ).toEqual(['Original']);
    const apply = screen.getByRole('button', { name: 'Apply edit' });
    expect(apply.hasAttribute('disabled')).toBe(true);
    await userEvent.type(screen.getByLabelText('Instruction'), 'make it night');
    await act(async () => {
      await userEvent.click(apply);
    });
    expect(app.fake.callsTo('edit:apply')).toHaveLength(1);
    expect(
      within(versions)
        .getAllByRole('button')
        .map((button) => button.textContent),
    ).toEqual(['Original', 'Edit 1, in progress']);
  });

  it('lists the versions the library remembers for the picture, and reopens or compares any of them', async () => {
    const app = testApp({
      'edit:takeOpened': () => ok({ images: [], problems: [] }),
      'edit:versions': () =>
        ok([
          { ...remembered, generationId: 10, image: image(11, { generationId: 10 }) },
          {
            ...remembered,
            generationId: 12,
            baseImageId: 11,
            baseGenerationId: 10,
            image: image(13, { generationId: 12 }),
          },
          { ...remembered, generationId: 14, running: true },
        ]),
    });
    app.store.getState().openEditBase(base);
    renderWithStore(<EditView />, app);
    const versions = screen.getByRole('list', { name: 'Versions' });
    await waitFor(() => {
      expect(
        within(versions)
          .getAllByRole('button')
          .map((button) => button.textContent),
      ).toEqual(['Original', 'Edit 1', 'Edit 2', 'Edit 3, in progress']);
    });
    await userEvent.click(within(versions).getByRole('button', { name: 'Edit 2' }));
    expect(screen.getByRole('button', { name: 'Continue from this version' }).hasAttribute('disabled')).toBe(
      false,
    );
    expect(screen.getByRole('button', { name: 'Before and after' }).hasAttribute('disabled')).toBe(false);
    app.fake.answer({ 'edit:reopen': () => failed('Gone.', 'not-found') });
    await userEvent.click(screen.getByRole('button', { name: 'Reopen edit' }));
    expect(app.fake.callsTo('edit:reopen')).toEqual([{ generationId: 12 }]);
  });
});
