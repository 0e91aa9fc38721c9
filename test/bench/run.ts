import { runGenerationBench } from './generation.bench';
import { runLibraryBench } from './library.bench';

/** Every benchmark, one after another (they share the machine, so never in parallel). */
const benches: { name: string; run: () => Promise<void> }[] = [
  { name: 'generation', run: runGenerationBench },
  { name: 'library', run: runLibraryBench },
];

for (const bench of benches) {
  console.log(`\n## ${bench.name}`);
  await bench.run();
}
