import { expect, type Locator, type Page } from '@playwright/test';
import type { FakeCometApi, FakeScenario } from '../../fake-cometapi/fake-cometapi';
import type { LaunchedApp } from '../launch';
import { openSession } from '../support/session';
import { fileTransfer } from './file-transfer';
import type { FileSpec } from './library-page';

interface PageEventTarget {
  dispatchEvent(event: unknown): boolean;
}

interface PageDom {
  ClipboardEvent: new (
    type: string,
    init: { clipboardData: unknown; bubbles: boolean; cancelable: boolean },
  ) => unknown;
  document: { activeElement: PageEventTarget | null; body: PageEventTarget };
}

export type { FileSpec } from './library-page';

/** The Generate workspace as users see it: every locator goes by role and accessible name. */
export class GeneratePage {
  readonly prompt: Locator;
  readonly model: Locator;
  readonly aspectRatio: Locator;
  readonly resolution: Locator;
  readonly imageCount: Locator;
  readonly imageChoices: Locator;
  readonly tray: Locator;
  readonly references: Locator;
  readonly addReferences: Locator;
  readonly generateButton: Locator;
  readonly results: Locator;
  readonly tiles: Locator;
  readonly jobs: Locator;
  readonly resultImages: Locator;
  readonly progressive: Locator;
  readonly keyNote: Locator;

  constructor(readonly page: Page) {
    this.prompt = page.getByRole('textbox', { name: 'Prompt' });
    this.model = page.getByRole('combobox', { name: 'Model' });
    this.aspectRatio = page.getByRole('radiogroup', { name: 'Aspect ratio' });
    this.resolution = page.getByRole('radiogroup', { name: 'Resolution' });
    this.imageCount = page.getByRole('spinbutton', { name: 'Number of images' });
    this.imageChoices = page.getByRole('radiogroup', { name: 'Images' });
    this.tray = page.getByRole('list', { name: 'Reference images' });
    this.references = this.tray.getByRole('listitem');
    this.addReferences = page.getByLabel('Add reference images');
    this.generateButton = page.getByRole('button', { name: 'Generate', exact: true });
    this.results = page.getByRole('region', { name: 'Results' });
    this.tiles = this.results.getByRole('gridcell');
    this.jobs = this.results.getByRole('group');
    this.resultImages = this.results.getByRole('img');
    this.progressive = page.getByRole('checkbox', { name: 'Progressive results' });
    this.keyNote = page.getByRole('note');
  }

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Generate' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Generate' })).toBeVisible();
  }

  /** The newest job's group (jobs are listed newest first). */
  job(index = 0): Locator {
    return this.jobs.nth(index);
  }

  /** What a job is doing, in words ("Saved 3 images", "Cancelled."). */
  jobStatus(index = 0): Locator {
    // The job's own line comes before its tiles, each of which has a live region of its own for "Copied".
    return this.job(index).getByRole('status').first();
  }

  jobButton(
    name: 'Cancel' | 'Remix' | 'Side by side' | 'Retry' | 'Edit request' | 'Retry failed images',
    index = 0,
  ): Locator {
    return this.job(index).getByRole('button', { name, exact: true });
  }

  /** The error shown in a job, with its advice. */
  jobAlert(index = 0): Locator {
    return this.job(index).getByRole('alert');
  }

  tile(index: number): Locator {
    return this.tiles.nth(index);
  }

  /** A tile's image; with a name, only if it is described by it. */
  tileImage(tile: Locator, name?: string | RegExp): Locator {
    return tile.getByRole('img', name === undefined ? {} : { name });
  }

  tileButton(
    tile: Locator,
    name: 'Open full size' | 'Favorite' | 'Copy image' | 'Show in library' | 'Select',
  ): Locator {
    return tile.getByRole('button', { name, exact: true });
  }

  /** Picks a result (its check badge), to compare or act on it with others. */
  async pickTile(index: number): Promise<void> {
    const tile = this.tile(index);
    await tile.hover();
    await this.tileButton(tile, 'Select').click();
  }

  /** Compare, beside the results' heading while results are picked. */
  compareButton(): Locator {
    return this.page.getByRole('button', { name: 'Compare', exact: true });
  }

  /** The short confirmation a tile shows (Copied). */
  tileStatus(tile: Locator): Locator {
    return tile.getByRole('status');
  }

  /** An error shown anywhere in the workspace that says `text`. */
  alert(text: string): Locator {
    return this.page.getByRole('alert').filter({ hasText: text });
  }

  /** A button inside an alert or note, such as its advice. */
  buttonIn(scope: Locator, name: string): Locator {
    return scope.getByRole('button', { name });
  }

  /** Text the workspace shows, such as the tray's "3 / 14". */
  says(text: string): Locator {
    return this.page.getByText(text);
  }

  async openAdvanced(): Promise<void> {
    await this.page.getByText('Advanced').click();
  }

  reference(index: number): Locator {
    return this.references.nth(index);
  }

  referenceImage(index: number): Locator {
    return this.reference(index).getByRole('img');
  }

  /** Removes a reference by its position, counted from 1 as its button says. */
  async removeReference(position: number): Promise<void> {
    await this.reference(position - 1)
      .getByRole('button', { name: `Remove reference ${position}` })
      .click();
  }

  async clearReferences(): Promise<void> {
    await this.page.getByRole('button', { name: 'Clear all' }).click();
  }

  async generate(prompt: string): Promise<void> {
    await this.prompt.fill(prompt);
    await this.generateButton.click();
  }

  /** Asks for this many images (a sequence when more than one), typed into the field. */
  async sequenceOf(count: number): Promise<void> {
    await this.imageCount.fill(String(count));
    await this.imageCount.blur();
  }

  /** One of the quick image counts ("1 image", "4 images"). */
  imageChoice(count: number): Locator {
    return this.imageChoices.getByRole('radio', { name: count === 1 ? '1 image' : `${count} images` });
  }

  /** A shape in the aspect-ratio picker: "16:9", "Auto" or "Custom". */
  aspect(name: string): Locator {
    return this.aspectRatio.getByRole('radio', { name, exact: true });
  }

  /** The exact size the picker says will be sent ("2560 × 1440 · 3.7 MP"). */
  sizeLine(text: string): Locator {
    return this.page.getByText(text);
  }

  /** Picks a model from the pop-up list by its name. */
  async chooseModel(label: string): Promise<void> {
    await this.model.click();
    await this.page.getByRole('option', { name: new RegExp(`^${label}`) }).click();
  }

  /** Picks files through the file input, as the system file dialog would. */
  async pickFiles(files: FileSpec[]): Promise<void> {
    await this.addReferences.setInputFiles(files);
  }

  /** Drops files onto the tray as the OS does: a DataTransfer of File objects built inside the page. */
  async dropFiles(files: FileSpec[]): Promise<void> {
    const dataTransfer = await fileTransfer(this.page, files);
    const target = this.page.getByRole('heading', { name: 'Reference images' });
    await target.dispatchEvent('dragenter', { dataTransfer });
    await target.dispatchEvent('dragover', { dataTransfer });
    await target.dispatchEvent('drop', { dataTransfer });
    await dataTransfer.dispose();
  }

  /** Pastes files as Ctrl+V does when the clipboard holds them, with the focus wherever it is now. */
  async pasteFiles(files: FileSpec[]): Promise<void> {
    const dataTransfer = await fileTransfer(this.page, files);
    await this.page.evaluate((transfer) => {
      const dom = globalThis as unknown as PageDom;
      const event = new dom.ClipboardEvent('paste', {
        clipboardData: transfer,
        bubbles: true,
        cancelable: true,
      });
      (dom.document.activeElement ?? dom.document.body).dispatchEvent(event);
    }, dataTransfer);
    await dataTransfer.dispose();
  }

  /**
   * Drags a result tile's image into the reference tray. Dragging out follows Electron's recipe: the page's
   * HTML5 drag is cancelled and main starts an OS drag of the files, which then comes back over the window. A
   * mouse drag in the test browser stops at the cancelled drag, so the events are dispatched as they arrive.
   */
  async dragTileToTray(tile: Locator): Promise<void> {
    // Page-side code: the Node project has no DOM types, so the browser's DataTransfer is described here.
    const dataTransfer = await this.page.evaluateHandle(() => {
      const browser = globalThis as unknown as { DataTransfer: new () => unknown };
      return new browser.DataTransfer();
    });
    await tile.getByRole('img').dispatchEvent('dragstart', { dataTransfer });
    const target = this.page.getByRole('heading', { name: 'Reference images' });
    for (const type of ['dragenter', 'dragover', 'drop']) await target.dispatchEvent(type, { dataTransfer });
    await dataTransfer.dispose();
  }

  /** "Reference sets" under the tray: "Save as set" and the sets saved so far. */
  referenceSets(): Locator {
    return this.page.getByRole('group', { name: 'Reference sets' });
  }

  referenceSet(name: string): Locator {
    return this.referenceSets().getByRole('listitem', { name, exact: true });
  }

  /** "Save as set": the tray's images, in their order, under `name`. */
  async saveReferenceSet(name: string): Promise<void> {
    await this.referenceSets().getByRole('button', { name: 'Save as set' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Save as set' });
    await dialog.getByRole('textbox', { name: 'Set name' }).fill(name);
    await dialog.getByRole('button', { name: 'Save set' }).click();
    await expect(dialog).toBeHidden();
    await expect(this.referenceSet(name)).toBeVisible();
  }

  /** The set's one-click "Use …": its images replace the tray's. */
  async useReferenceSet(name: string): Promise<void> {
    await this.referenceSet(name)
      .getByRole('button', { name: `Use ${name}`, exact: true })
      .click();
  }

  /** "Show generations" of a set; answers the generations it then lists. */
  async showReferenceSetUses(name: string): Promise<Locator> {
    const set = this.referenceSet(name);
    await set.getByRole('button', { name: 'Show generations' }).click();
    return set.getByRole('listitem');
  }

  trayMessage(text: string | RegExp): Locator {
    return this.page.getByRole('list', { name: 'Messages about added images' }).getByText(text);
  }
}

/** A real image file of the given size, for dropping or picking as a reference. */
export async function imageFile(
  name: string,
  options: { width?: number; height?: number; format?: 'png' | 'jpeg'; hue?: number } = {},
): Promise<FileSpec> {
  const { default: sharp } = await import('sharp');
  const format = options.format ?? 'png';
  const hue = options.hue ?? 200;
  const image = sharp({
    create: {
      width: options.width ?? 64,
      height: options.height ?? 48,
      channels: 3,
      background: { r: hue % 256, g: (hue * 3) % 256, b: (hue * 7) % 256 },
    },
  });
  const buffer = await (format === 'png' ? image.png() : image.jpeg()).toBuffer();
  return { name, mimeType: `image/${format}`, buffer };
}

export interface Workspace {
  fake: FakeCometApi;
  app: LaunchedApp;
  generate: GeneratePage;
  close(): Promise<void>;
}

/**
 * A fake CometAPI, a fresh user-data folder and the app pointed at both, opened on Generate. With `withKey`
 * false no key is set anywhere (each launch has its own keychain entry).
 */
export async function openWorkspace(
  options: { scenario?: FakeScenario; withKey?: boolean } = {},
): Promise<Workspace> {
  const session = await openSession({ api: { fake: options.scenario }, withKey: options.withKey });
  if (!session.fake) throw new Error('The session was asked for the fake API.');
  const generate = new GeneratePage(session.page);
  await generate.open();
  return { fake: session.fake, app: session.app, generate, close: session.close };
}
