import { runCliStartBench, runThumbnailBench } from './desktop.bench';
import { runGenerationBench } from './generation.bench';
import { runLibraryBench } from './library.bench';
import { runLibraryUiBench } from './library-ui.bench';

/** Every benchmark, one after another (they share the machine, so never in parallel). */
const benches: { name: string; run: () => Promise<void> }[] = [
  { name: 'generation', run: runGenerationBench },
  { name: 'library', run: runLibraryBench },
  { name: 'thumbnails: native and WebAssembly image codec', run: runThumbnailBench },
  { name: 'command line start', run: runCliStartBench },
  { name: 'library browser (Chromium driver, 1 000 000 images)', run: runLibraryUiBench },
];

for (const bench of benches) {
  console.log(`\n## ${bench.name}`);
  await bench.run();
}
