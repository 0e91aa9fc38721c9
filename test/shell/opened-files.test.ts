import { EventEmitter } from 'node:events';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  filesFromArgv,
  filesFromSecondStart,
  watchOpenedFiles,
  type OpenFilesApp,
} from '../../src-main/shell/opened-files';

/** Electron's `app` as far as the glue uses it: an emitter of `open-file` and `second-instance`. */
function fakeApp(): OpenFilesApp & EventEmitter {
  return new EventEmitter() as OpenFilesApp & EventEmitter;
}

const cwd = path.resolve('/home/someone/pictures');

describe('files the OS asks the app to open', () => {
  it('takes the image files from a command line, made absolute, and nothing else', () => {
    expect(
      filesFromArgv(
        [
          '/opt/Seedream Studio/seedream-studio',
          '--no-sandbox',
          'cat.PNG',
          '../photo.jpeg',
          'notes.txt',
          '.',
        ],
        cwd,
      ),
    ).toEqual([path.join(cwd, 'cat.PNG'), path.resolve(cwd, '../photo.jpeg')]);
    // In development Electron runs the app folder (`electron .`); the folder is not a file to open.
    expect(filesFromArgv(['electron', '.', '--inspect=9229'], cwd)).toEqual([]);
  });

  it('reads a second start’s files from the data it sent, refusing anything but absolute image paths', () => {
    expect(filesFromSecondStart({ files: ['/a/b.webp', 'relative.png', '/etc/passwd', 7] })).toEqual([
      '/a/b.webp',
    ]);
    expect(filesFromSecondStart(undefined)).toEqual([]);
    expect(filesFromSecondStart({ files: 'x.png' })).toEqual([]);
  });

  it('keeps files that come before the app is ready, then delivers each as it comes', () => {
    const app = fakeApp();
    let focused = 0;
    const opened = watchOpenedFiles(app, {
      initial: ['/start/a.png'],
      focus: () => {
        focused += 1;
      },
    });
    let prevented = false;
    app.emit('open-file', { preventDefault: () => (prevented = true) }, '/dock/b.jpg');
    expect(prevented).toBe(true);
    const delivered: string[][] = [];
    opened.deliverTo((files) => delivered.push(files));
    expect(delivered).toEqual([['/start/a.png', '/dock/b.jpg']]);

    app.emit('second-instance', {}, ['seedream-studio', 'ignored.png'], '/elsewhere', {
      files: ['/second/c.png'],
    });
    expect(delivered.at(-1)).toEqual(['/second/c.png']);
    expect(focused).toBe(1);
    // Starting the app again without files only brings the window forward.
    app.emit('second-instance', {}, ['seedream-studio'], '/elsewhere', { files: [] });
    expect(delivered).toHaveLength(2);
    expect(focused).toBe(2);
  });
});
