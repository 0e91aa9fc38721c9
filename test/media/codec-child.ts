import { loadImageCodec, type CodecBuild } from '../../src-main/media/image-codec';

/**
 * Loads one build of the codec in a fresh process, encodes an image with it, and prints the native libraries
 * the process has loaded (Node's diagnostic report lists them on every OS).
 */
const build = process.argv[2] as CodecBuild;
const codec = loadImageCodec(build);
const png = await codec
  .sharp({ create: { width: 40, height: 30, channels: 3, background: '#208040' } })
  .webp()
  .toBuffer();
const report = process.report.getReport() as unknown as { sharedObjects: string[] };
process.stdout.write(JSON.stringify({ bytes: png.length, sharedObjects: report.sharedObjects }));
