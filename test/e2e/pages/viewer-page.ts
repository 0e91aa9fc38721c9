import { expect, type Locator, type Page } from '@playwright/test';

/** The full-window viewer, opened from the library or from Generate's results. */
export class ViewerPage {
  readonly dialog: Locator;
  readonly filmstrip: Locator;
  readonly zoomLevel: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Viewer' });
    this.filmstrip = this.dialog.getByRole('navigation', { name: 'Filmstrip' });
    this.zoomLevel = this.dialog.getByRole('button', { name: 'Fit to window' });
  }

  /** "3 of 42": where the open image is in its source. */
  position(): Locator {
    return this.dialog.getByText(/^[\d,]+ of [\d,]+$/);
  }

  /** The image on the stage (the filmstrip's thumbnails are decorative, named by their buttons). */
  image(name?: string | RegExp): Locator {
    return this.dialog.getByRole('img', name === undefined ? {} : { name });
  }

  button(
    name:
      | 'Previous image'
      | 'Next image'
      | 'Zoom in'
      | 'Zoom out'
      | 'Fit to window'
      | 'Favorite'
      | 'Use as reference'
      | 'Edit'
      | 'Close viewer',
  ): Locator {
    return this.dialog.getByRole('button', { name, exact: true });
  }

  async expectAt(position: number, total: number): Promise<void> {
    await expect(this.position()).toHaveText(
      `${position.toLocaleString('en-US')} of ${total.toLocaleString('en-US')}`,
    );
  }

  /** Where the image is drawn and the box it scrolls in (its stage), on screen. */
  async imageBox(): Promise<{ image: Box; stage: Box }> {
    return this.image().evaluate((element) => {
      const image = element as unknown as BoxLike;
      const stage = image.parentElement?.parentElement;
      const box = (of: BoxLike) => {
        const rect = of.getBoundingClientRect();
        return { x: rect.x, y: rect.y, width: rect.width, height: rect.height };
      };
      if (!stage) throw new Error('The image is not on a stage.');
      return { image: box(image), stage: box(stage) };
    });
  }

  /** How far the stage is scrolled, and how far it could be. */
  async stageScroll(): Promise<{ left: number; top: number; maxLeft: number; maxTop: number }> {
    return this.image().evaluate((element) => {
      const stage = (element as unknown as BoxLike).parentElement?.parentElement;
      if (!stage) throw new Error('The image is not on a stage.');
      return {
        left: stage.scrollLeft,
        top: stage.scrollTop,
        maxLeft: stage.scrollWidth - stage.clientWidth,
        maxTop: stage.scrollHeight - stage.clientHeight,
      };
    });
  }

  async close(): Promise<void> {
    await this.button('Close viewer').click();
    await expect(this.dialog).toBeHidden();
  }
}

/** What page-side callbacks touch; the Node project has no DOM types. */
interface BoxLike {
  parentElement: BoxLike | null;
  scrollLeft: number;
  scrollTop: number;
  scrollWidth: number;
  scrollHeight: number;
  clientWidth: number;
  clientHeight: number;
  getBoundingClientRect(): Box;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
