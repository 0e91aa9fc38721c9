import type { HandlersOf } from '../ipc/dispatch';
import type { Library } from '../library/library';
import type { ImageCodec } from '../media/image-codec';
import { clipboardPng, dragIconPng } from '../shell/desktop-png';
import type { DesktopPort } from '../shell/desktop-port';
import { notFound } from './not-found';

/** What the OS does with a library image: show it in its folder, copy it, drag it out. Named by id, never path. */
export function desktopHandlers({
  library,
  desktop,
  codec,
}: {
  library: Pick<Library, 'images' | 'filePath' | 'thumbnailPath'>;
  desktop: DesktopPort;
  codec: ImageCodec;
}): HandlersOf<'desktop'> {
  const imageOrThrow = (id: number) => {
    const image = library.images.image(id);
    if (!image) throw notFound('This image');
    return image;
  };
  return {
    'desktop:reveal': ({ id }) => {
      desktop.revealFile(library.filePath(imageOrThrow(id)));
      return null;
    },
    'desktop:copyImage': async ({ id }) => {
      await desktop.copyImage(await clipboardPng(codec, library.filePath(imageOrThrow(id))));
      return null;
    },
    'desktop:startDrag': async ({ ids }) => {
      const images = ids.map(imageOrThrow);
      const [first] = images;
      if (!first) throw notFound('This image');
      const icon = await dragIconPng(codec, [library.thumbnailPath(first, 256), library.filePath(first)]);
      desktop.startDrag(
        images.map((image) => library.filePath(image)),
        icon,
      );
      return null;
    },
  };
}
