import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { compileFunction } from 'node:vm';
import type SharpModule from 'sharp';

/** sharp's entry point: `codec.sharp(input).resize(...).png().toBuffer()`. */
export type SharpFactory = typeof SharpModule;

/**
 * `native`: sharp's prebuilt libvips for this OS. `wasm`: the same libvips compiled to WebAssembly
 * (`@img/sharp-wasm32`, pinned to sharp's version), byte-identical output at about a quarter of the speed.
 */
export type CodecBuild = 'native' | 'wasm';

/**
 * Every decode and encode in the app goes through one of these, handed in by whoever composes the services
 * (the Electron bootstrap, the CLI, a test), so no module reaches for sharp on its own.
 */
export interface ImageCodec {
  readonly build: CodecBuild;
  readonly sharp: SharpFactory;
}

export interface CodecRuntime {
  platform: NodeJS.Platform;
  /** `process.versions.electron`: set inside any Electron process (main, utility, renderer). */
  electron: string | undefined;
}

/**
 * Native everywhere except inside an Electron process on Linux: Electron links its own GLib, libvips brings
 * another, and the two crash the process (electron/electron#46323, lovell/sharp#4522; a utilityProcess
 * crashes the same way, sharp#4525). sharp's own loader only warns (`SharpElectronLinux`) after loading it.
 */
export function chooseCodecBuild(runtime: CodecRuntime): CodecBuild {
  return runtime.platform === 'linux' && runtime.electron !== undefined ? 'wasm' : 'native';
}

const moduleRequire = createRequire(import.meta.url);

/**
 * Files electron-builder unpacked from `app.asar` (see `asarUnpack`) load from `app.asar.unpacked`, so the
 * WebAssembly build's worker threads, started from its own file name, and its `.wasm` read sit on disk.
 */
function unpackedPath(file: string): string {
  const marker = `app.asar${path.sep}`;
  const at = file.lastIndexOf(marker);
  if (at < 0) return file;
  const unpacked = `${file.slice(0, at)}app.asar.unpacked${path.sep}${file.slice(at + marker.length)}`;
  return existsSync(unpacked) ? unpacked : file;
}

const commonJsParameters = ['exports', 'require', 'module', '__filename', '__dirname'];

/**
 * sharp's loader (`dist/sharp.cjs`) tries the native binding for this platform first and loads it into the
 * process whether or not it then works, and it has no switch to skip it. So the WebAssembly build gets a
 * private copy of sharp's JavaScript (`dist/*.cjs`, evaluated here with their own `require`) in which
 * `./sharp.cjs` is the WebAssembly binding; every other package resolves as usual. Nothing is added to
 * Node's module cache, so a native sharp elsewhere in the same process (a test comparing both) is untouched.
 */
function loadSharpWithWasmBinding(): SharpFactory {
  const entry = moduleRequire.resolve('sharp');
  const distDir = path.dirname(entry);
  const binding: unknown = moduleRequire(unpackedPath(moduleRequire.resolve('@img/sharp-wasm32/sharp.node')));
  const loaded = new Map<string, { exports: unknown }>();
  const load = (file: string): unknown => {
    const cached = loaded.get(file);
    if (cached) return cached.exports;
    const module = { exports: {} as unknown };
    loaded.set(file, module);
    const outside = createRequire(file);
    const localRequire = (specifier: string): unknown => {
      if (specifier === './sharp.cjs') return binding;
      if (specifier.startsWith('./') && specifier.endsWith('.cjs'))
        return load(path.join(distDir, specifier));
      return outside(specifier);
    };
    const body = compileFunction(readFileSync(file, 'utf8'), commonJsParameters, { filename: file });
    body.call(module.exports, module.exports, localRequire, module, file, path.dirname(file));
    return module.exports;
  };
  return load(entry) as SharpFactory;
}

/** Loads the chosen build. Call once per process and pass the codec on. */
export function loadImageCodec(build: CodecBuild): ImageCodec {
  const sharp = build === 'wasm' ? loadSharpWithWasmBinding() : (moduleRequire('sharp') as SharpFactory);
  return { build, sharp };
}

/** The codec the running process should use; see `chooseCodecBuild`. */
export function loadImageCodecFor(runtime: CodecRuntime): ImageCodec {
  return loadImageCodec(chooseCodecBuild(runtime));
}
