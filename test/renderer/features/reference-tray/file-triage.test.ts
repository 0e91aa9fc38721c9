import { describe, expect, it } from 'vitest';
import {
  looksLikeNonImage,
  maxReadableBytes,
  triageFiles,
} from '../../../../src-renderer/features/reference-tray/file-triage';

const file = (name: string, type: string, size = 1000) => ({ name, type, size });

describe('triageFiles', () => {
  it('refuses each bad file with its own reason and keeps the rest of the drop', () => {
    const drop = [
      file('cat.png', 'image/png'),
      file('notes.pdf', 'application/pdf'),
      file('empty.jpg', 'image/jpeg', 0),
      file('huge.tiff', 'image/tiff', maxReadableBytes + 1),
      file('dog.webp', 'image/webp'),
    ];
    const { accepted, refused } = triageFiles(drop, 14);
    expect(accepted.map((entry) => entry.name)).toEqual(['cat.png', 'dog.webp']);
    expect(refused.map((entry) => [entry.file.name, entry.reason])).toEqual([
      ['notes.pdf', 'not-image'],
      ['empty.jpg', 'empty'],
      ['huge.tiff', 'too-large'],
    ]);
  });

  it('fills the room left in the tray in drop order and refuses the overflow', () => {
    const drop = [file('1.png', 'image/png'), file('2.png', 'image/png'), file('3.png', 'image/png')];
    const { accepted, refused } = triageFiles(drop, 2);
    expect(accepted.map((entry) => entry.name)).toEqual(['1.png', '2.png']);
    expect(refused).toEqual([{ file: drop[2], reason: 'tray-full' }]);
  });

  it('leaves files of unknown type to main, which judges the content', () => {
    expect(looksLikeNonImage(file('photo', ''))).toBe(false);
    expect(looksLikeNonImage(file('scan.HEIC', ''))).toBe(false);
    expect(looksLikeNonImage(file('photo.jpg', 'application/octet-stream'))).toBe(false);
    expect(looksLikeNonImage(file('readme.txt', ''))).toBe(true);
    expect(looksLikeNonImage(file('clip', 'video/mp4'))).toBe(true);
  });
});
