import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { Compare } from '../../../../src-renderer/features/viewer/Compare';
import { renderWithStore, testApp } from '../../support/app-store';
import { image } from '../../support/images';
import { withLayout } from '../../support/layout';

withLayout(800, 600);

const compare = () => screen.getByRole('dialog', { name: 'Compare' });

function open(count: number, sizes: [number, number][] = []) {
  const images = Array.from({ length: count }, (_, index) => {
    const [width, height] = sizes[index] ?? [1000, 1000];
    return image(index + 1, { prompt: `fox ${index + 1}`, width, height });
  });
  const onClose = vi.fn();
  renderWithStore(<Compare images={images} onClose={onClose} />, testApp());
  return onClose;
}

/** The drawn widths of the images, which show their scale. */
const widths = () =>
  within(compare())
    .getAllByRole('img')
    .map((element) => Number.parseFloat(element.style.width));

describe('<Compare>', () => {
  it('is closed for fewer than two images and more than four', () => {
    open(1);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('shows two to four images side by side at one scale, the one that fits the largest', () => {
    open(3, [
      [1000, 1000],
      [2000, 2000],
      [500, 250],
    ]);
    expect(within(compare()).getAllByRole('img')).toHaveLength(3);
    // Every pane is 800 x 600 here: the 2000 px image fits at 0.3, and all three are drawn at that scale.
    expect(widths()).toEqual([300, 600, 150]);
  });

  it('zooms every image together', async () => {
    open(2);
    await userEvent.click(within(compare()).getByRole('button', { name: 'Zoom in' }));
    expect(widths()).toEqual([750, 750]);
    await userEvent.keyboard('1');
    expect(widths()).toEqual([1000, 1000]);
    await userEvent.keyboard('0');
    expect(widths()).toEqual([600, 600]);
  });

  it('lays two images one over the other with a before/after slider', async () => {
    open(2);
    expect(screen.queryByRole('slider', { name: 'Compare position' })).toBeNull();
    await userEvent.click(within(compare()).getByRole('radio', { name: 'Before and after' }));
    const slider = within(compare()).getByRole('slider', { name: 'Compare position' });
    expect(slider.getAttribute('aria-valuenow')).toBe('50');
    slider.focus();
    await userEvent.keyboard('{ArrowRight}{ArrowRight}');
    expect(slider.getAttribute('aria-valuenow')).toBe('52');
    const upper = within(compare())
      .getByRole('img', { name: 'Image 2: fox 2' })
      .closest<HTMLElement>('.zoom-stage');
    expect(upper?.style.clipPath).toBe('inset(0px 0px 0px 52%)');
  });

  it('closes with its button and with Escape', async () => {
    const onClose = open(4);
    await userEvent.click(within(compare()).getByRole('button', { name: 'Close compare' }));
    expect(onClose).toHaveBeenCalledTimes(1);
  });
});
