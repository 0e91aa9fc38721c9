import { loadImageCodec } from '../src-main/media/image-codec';

/**
 * Renders the app icon (`assets/icon.svg`, the design source) into `assets/icon.png`, the one image
 * electron-builder derives every platform's icons from (icns, ico, the Linux sizes). Run: `npm run icon`.
 */
await loadImageCodec('native')
  .sharp('assets/icon.svg', { density: 72 })
  .resize(1024, 1024)
  .png({ compressionLevel: 9 })
  .toFile('assets/icon.png');
