import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { PreviewImage } from '../../../src-renderer/components/PreviewImage';

describe('<PreviewImage>', () => {
  it('shows the thumbnail while there is one', () => {
    render(
      <PreviewImage
        image={{ previewProblem: null, format: 'jpeg' as const }}
        src="media:///thumbnails/256/ab/x.webp"
        alt="a fox"
      />,
    );
    expect(screen.getByRole('img', { name: 'a fox' }).getAttribute('src')).toBe(
      'media:///thumbnails/256/ab/x.webp',
    );
  });

  it('says why there is no preview instead of showing a broken picture', () => {
    const reason = 'No preview could be made of this image: its file is missing.';
    render(
      <PreviewImage
        image={{ previewProblem: reason, format: 'jpeg' as const }}
        src="media:///t.webp"
        alt="a fox"
      />,
    );
    const panel = screen.getByRole('img', { name: `a fox. ${reason}` });
    expect(panel.tagName).toBe('SPAN');
    expect(panel.getAttribute('title')).toBe(reason);
    expect(panel.textContent).toBe('No preview');
  });

  it('turns a picture that fails to load into the same panel, and tries again for a new address', () => {
    const { rerender } = render(
      <PreviewImage
        image={{ previewProblem: null, format: 'jpeg' as const }}
        src="media:///a.webp"
        alt="a fox"
      />,
    );
    fireEvent.error(screen.getByRole('img', { name: 'a fox' }));
    expect(screen.getByRole('img', { name: 'a fox. No preview is available for this image.' }).tagName).toBe(
      'SPAN',
    );
    rerender(
      <PreviewImage
        image={{ previewProblem: null, format: 'jpeg' as const }}
        src="media:///b.webp"
        alt="a fox"
      />,
    );
    expect(screen.getByRole('img', { name: 'a fox' }).tagName).toBe('IMG');
  });
});

describe('transparent images', () => {
  it('are drawn over a checkerboard when they are PNGs, which may have alpha', () => {
    render(
      <>
        <PreviewImage image={{ previewProblem: null, format: 'png' }} src="media:///p.webp" alt="a mug" />
        <PreviewImage image={{ previewProblem: null, format: 'jpeg' }} src="media:///j.webp" alt="a cup" />
      </>,
    );
    expect(screen.getByRole('img', { name: 'a mug' }).className).toBe('checkerboard');
    expect(screen.getByRole('img', { name: 'a cup' }).className).toBe('');
  });
});
