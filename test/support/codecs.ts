import { loadImageCodec, type ImageCodec } from '../../src-main/media/image-codec';

/** The native build, as tests under Node and the CLI use it; the WebAssembly build has its own pipeline test. */
export const nativeCodec: ImageCodec = loadImageCodec('native');
