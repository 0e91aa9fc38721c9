import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Filmstrip } from '../../../../src-renderer/features/viewer/Filmstrip';
import { image } from '../../support/images';

describe('<Filmstrip>', () => {
  it('names each image on its button and shows "No preview" for one whose thumbnail could not be made', () => {
    const images = [
      image(1, { prompt: 'a lantern' }),
      image(2, { prompt: 'a kite', previewProblem: 'The file is not an image.' }),
    ];
    render(<Filmstrip images={images} current={0} untitled="Untitled" onPick={() => undefined} />);
    const strip = screen.getByRole('navigation');
    expect(within(strip).getByRole('button', { name: 'a lantern' }).getAttribute('aria-current')).toBe(
      'true',
    );
    const broken = within(strip).getByRole('button', { name: 'a kite' });
    expect(broken.querySelector('img')).toBeNull();
    expect(within(broken).getByText('No preview')).toBeTruthy();
  });
});
