import { expect, type Locator, type Page } from '@playwright/test';
import { fileTransfer } from './file-transfer';
import type { FileSpec } from './library-page';

/** A point on the canvas as fractions of its width and height (0,0 top-left, 1,1 bottom-right). */
export interface CanvasPoint {
  x: number;
  y: number;
}

/** The canvas's element in the page, as far as the spec reads it. */
interface InViewport {
  closest(selector: string): { scrollLeft: number; scrollTop: number } | null;
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

  async chooseWidth(name: 'Thin' | 'Medium' | 'Thick'): Promise<void> {
    await this.page.getByRole('radiogroup', { name: 'Width' }).getByRole('radio', { name }).click();
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

  /**
   * Writes a Text mark with its baseline starting at a point, as a person does: the Text tool, a click there,
   * the words, Enter.
   */
  async writeText(at: CanvasPoint, text: string): Promise<void> {
    await this.chooseTool('Text');
    const box = await this.canvas.boundingBox();
    if (!box) throw new Error('The canvas is not on screen.');
    const point = { x: Math.round(box.x + at.x * box.width), y: Math.round(box.y + at.y * box.height) };
    await this.page.mouse.click(point.x, point.y);
    await this.page.getByRole('textbox', { name: 'Text of the mark' }).fill(text);
    await this.page.keyboard.press('Enter');
    await expect(this.texts().filter({ hasText: text })).toHaveCount(1);
  }

  async zoom(name: 'Fit' | 'Zoom in' | 'Zoom out'): Promise<void> {
    await this.region.getByRole('group', { name: 'Zoom' }).getByRole('button', { name }).click();
  }

  /** Where the page shows a Text mark, as fractions of the canvas (0,0 top-left, 1,1 bottom-right). */
  async textBounds(text: string) {
    const [canvas, shown] = await Promise.all([
      this.canvas.boundingBox(),
      this.texts().filter({ hasText: text }).boundingBox(),
    ]);
    if (!canvas || !shown) throw new Error(`The text "${text}" is not on the canvas.`);
    return {
      left: (shown.x - canvas.x) / canvas.width,
      top: (shown.y - canvas.y) / canvas.height,
      right: (shown.x + shown.width - canvas.x) / canvas.width,
      bottom: (shown.y + shown.height - canvas.y) / canvas.height,
    };
  }

  /**
   * Scrolls the canvas by holding Space and dragging across it, as in image editors; the cursor over the canvas
   * is a hand while Space is held.
   */
  async panWithSpace(by: { x: number; y: number }): Promise<void> {
    const box = await this.canvas.boundingBox();
    if (!box) throw new Error('The canvas is not on screen.');
    const start = { x: box.x + box.width / 4, y: box.y + box.height / 4 };
    await this.page.mouse.move(start.x, start.y);
    await this.page.keyboard.down(' ');
    await expect(this.canvas).toHaveCSS('cursor', 'grab');
    await this.page.mouse.down();
    await this.page.mouse.move(start.x + by.x, start.y + by.y, { steps: 4 });
    await this.page.mouse.up();
    await this.page.keyboard.up(' ');
  }

  /** How far the canvas is scrolled in its viewport. */
  async scrolled(): Promise<{ left: number; top: number }> {
    return this.canvas.evaluate((canvas) => {
      const viewport = (canvas as unknown as InViewport).closest('.edit-canvas__viewport');
      if (!viewport) throw new Error('The canvas is not in its viewport.');
      return { left: viewport.scrollLeft, top: viewport.scrollTop };
    });
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

  /** The Text marks on the canvas, one SVG text element each. */
  texts(): Locator {
    return this.canvas.locator('.edit-marks text');
  }
}
