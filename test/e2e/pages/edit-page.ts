import { expect, type Locator, type Page } from '@playwright/test';
import { fileTransfer } from './file-transfer';
import type { FileSpec } from './library-page';

/** A point on the canvas as fractions of its width and height (0,0 top-left, 1,1 bottom-right). */
export interface CanvasPoint {
  x: number;
  y: number;
}

/** The Edit view as users see it: every locator goes by role and accessible name. */
export class EditPage {
  readonly region: Locator;
  readonly canvas: Locator;
  readonly mode: Locator;
  readonly markupTools: Locator;
  readonly regionTools: Locator;
  readonly prompt: Locator;
  readonly model: Locator;
  readonly applyButton: Locator;
  readonly versions: Locator;
  readonly regionChips: Locator;
  readonly compare: Locator;

  constructor(readonly page: Page) {
    this.region = page.getByRole('region', { name: 'Edit' });
    this.canvas = this.region.getByRole('img', { name: /^Base image/ });
    this.mode = page.getByRole('radiogroup', { name: 'Edit mode' });
    this.markupTools = page.getByRole('toolbar', { name: 'Markup tools' });
    this.regionTools = page.getByRole('toolbar', { name: 'Region tools' });
    this.prompt = page.getByRole('textbox', { name: 'Instruction' });
    this.model = this.region.getByRole('combobox', { name: 'Model' });
    this.applyButton = page.getByRole('button', { name: 'Apply edit' });
    this.versions = page.getByRole('list', { name: 'Versions' });
    this.regionChips = page.getByRole('list', { name: 'Regions in the instruction' });
    this.compare = page.getByRole('dialog', { name: 'Compare' });
  }

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Edit' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Edit' })).toBeVisible();
  }

  /** Drops image files anywhere on the view, as the OS does. */
  async dropFiles(files: FileSpec[]): Promise<void> {
    const dataTransfer = await fileTransfer(this.page, files);
    await this.region.dispatchEvent('dragover', { dataTransfer });
    await this.region.dispatchEvent('drop', { dataTransfer });
    await dataTransfer.dispose();
  }

  async chooseTool(name: string): Promise<void> {
    await this.page.getByRole('radio', { name, exact: true }).click();
  }

  /** Picks a model from the pop-up list by its name, as a person does. */
  async chooseModel(label: string): Promise<void> {
    await this.model.click();
    await this.page.getByRole('option', { name: new RegExp(`^${label}`) }).click();
  }

  async chooseMode(name: 'Marks' | 'Regions'): Promise<void> {
    await this.mode.getByRole('radio', { name }).click();
  }

  /**
   * Drags with the mouse across the canvas between two points; answers where the pointer went in screen
   * pixels relative to the canvas, and the canvas's drawn size, so a spec can work out the base pixels.
   */
  async drag(from: CanvasPoint, to: CanvasPoint) {
    const box = await this.canvas.boundingBox();
    if (!box) throw new Error('The canvas is not on screen.');
    const at = (point: CanvasPoint) => ({
      x: Math.round(box.x + point.x * box.width),
      y: Math.round(box.y + point.y * box.height),
    });
    const start = at(from);
    const end = at(to);
    await this.page.mouse.move(start.x, start.y);
    await this.page.mouse.down();
    await this.page.mouse.move((start.x + end.x) / 2, (start.y + end.y) / 2, { steps: 4 });
    await this.page.mouse.move(end.x, end.y, { steps: 4 });
    await this.page.mouse.up();
    return {
      start: { x: start.x - box.x, y: start.y - box.y },
      end: { x: end.x - box.x, y: end.y - box.y },
      width: box.width,
      height: box.height,
    };
  }

  async apply(prompt?: string): Promise<void> {
    if (prompt !== undefined) await this.prompt.fill(prompt);
    await this.applyButton.click();
  }

  /** A version by its whole name ("Edit 1" is not "Edit 1, in progress"). */
  version(name: string): Locator {
    return this.versions.getByRole('button', { name, exact: true });
  }

  action(name: 'Continue from this version' | 'Before and after' | 'Reopen edit'): Locator {
    return this.region.getByRole('button', { name });
  }

  /** The marks drawn on the canvas: one SVG element per rectangle. */
  rectangles(): Locator {
    return this.canvas.locator('.edit-marks rect');
  }
}
