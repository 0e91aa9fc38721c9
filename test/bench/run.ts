import { runGenerationBench } from './generation.bench';

/** Every benchmark, one after another (they share the machine, so never in parallel). */
const benches: { name: string; run: () => Promise<void> }[] = [
  { name: 'generation', run: runGenerationBench },
];

for (const bench of benches) {
  console.log(`\n## ${bench.name}`);
  await bench.run();
}
