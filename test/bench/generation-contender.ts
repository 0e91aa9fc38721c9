import { spawn } from 'node:child_process';
import http from 'node:http';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import OpenAI from 'openai';
import type { ImageGenerateParamsNonStreaming } from 'openai/resources/images';
import { generationRequestSchema } from '../../src-preload/contract/generation';
import { runGeneration } from '../../src-main/generation/run-generation';
import { createHttpClient, readText, type HttpClient } from '../../src-main/network/http-client';

/**
 * One benchmark contender, run by generation.bench.ts in its own process so its peak memory is its own.
 * Usage: generation-contender.ts <contender> <baseUrl> <apiKey> <tmpDir> [<command-line bundle>]. Prints one JSON line
 * `{ wallMs, peakRssMb, cpuMs, images, bytes }`; wall time covers the generation POST through the last file on
 * disk (for `cli-url`, the command line's whole run, from starting its process to its exit).
 */
const benchModel = 'doubao-seedream-4-5-251128';
const benchImages = 15;

const apiFields = {
  model: benchModel,
  prompt: 'benchmark',
  size: '4096x4096',
  watermark: false,
  sequential_image_generation: 'auto',
  sequential_image_generation_options: { max_images: benchImages },
};

function engineRequest(responseFormat: 'url' | 'b64_json') {
  return generationRequestSchema.parse({
    model: benchModel,
    prompt: 'benchmark',
    size: { width: 4096, height: 4096 },
    responseFormat,
    sequential: 'auto',
    maxImages: benchImages,
  });
}

async function engine(
  http: HttpClient,
  baseUrl: string,
  apiKey: string,
  tmpDir: string,
  request: ReturnType<typeof engineRequest>,
) {
  const outcome = await runGeneration({ http, baseUrl, apiKey, tmpDir, references: [], request }).finally(
    () => http.close(),
  );
  const saved = outcome.images.flatMap((slot) => ('image' in slot ? [slot.image] : []));
  return { images: saved.length, bytes: saved.reduce((sum, image) => sum + image.bytes, 0) };
}

/** The official client in base64 mode, as its documentation shows: the whole answer parsed, then each image decoded. */
async function openaiBase64(baseUrl: string, apiKey: string, tmpDir: string) {
  const client = new OpenAI({ apiKey, baseURL: `${baseUrl}/v1`, maxRetries: 0, timeout: 600_000 });
  const params: ImageGenerateParamsNonStreaming & Record<string, unknown> = {
    ...apiFields,
    response_format: 'b64_json',
  };
  const answer = await client.images.generate(params);
  const sizes = await Promise.all(
    (answer.data ?? []).map(async (item, index) => {
      const bytes = Buffer.from(item.b64_json ?? '', 'base64');
      await writeFile(join(tmpDir, `openai-${index}.jpeg`), bytes);
      return bytes.length;
    }),
  );
  return { images: sizes.length, bytes: sizes.reduce((sum, size) => sum + size, 0) };
}

/**
 * CPU time of the child processes this one has waited for, from /proc/self/stat (`cutime` + `cstime`, in
 * clock ticks of 10 ms): Node does not report it, and curl and the command line are such children.
 */
async function childrenCpuMs(): Promise<number> {
  const stat = await readFile('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[13]) + Number(fields[14])) * 10;
}

/** Runs a program and follows its peak resident memory through /proc while it runs. */
function runChild(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ peakKb: number; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'], env });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
    });
    let peakKb = 0;
    const sample = setInterval(() => {
      readFile(`/proc/${child.pid ?? 0}/status`, 'utf8')
        .then((status) => {
          const match = /VmHWM:\s+(\d+)/.exec(status);
          if (match) peakKb = Math.max(peakKb, Number(match[1]));
        })
        .catch(() => undefined);
    }, 5);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(sample);
      if (code === 0) resolve({ peakKb, stdout });
      else reject(new Error(`${command} exited with ${code}`));
    });
  });
}

/** The generation POST for the curl contender, over plain node:http so the floor pays no client start-up. */
function postForUrls(baseUrl: string, apiKey: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify({ ...apiFields, response_format: 'url' });
    const request = http.request(`${baseUrl}/v1/images/generations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
    });
    request.on('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const answer = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { data: { url: string }[] };
        resolve(answer.data.map((item) => item.url));
      });
    });
    request.on('error', reject);
    request.end(body);
  });
}

/** The floor: one curl downloading every link in parallel. */
async function parallelCurl(baseUrl: string, apiKey: string, tmpDir: string) {
  const urls = await postForUrls(baseUrl, apiKey);
  const targets = urls.flatMap((url, index) => ['-o', join(tmpDir, `curl-${index}.jpeg`), url]);
  const download = await runChild('/usr/bin/curl', [
    '-sS',
    '--fail',
    '--globoff',
    '--parallel',
    '--parallel-immediate',
    '--parallel-max',
    '50',
    ...targets,
  ]);
  let bytes = 0;
  for (let index = 0; index < urls.length; index += 1)
    bytes += (await stat(join(tmpDir, `curl-${index}.jpeg`))).size;
  return { images: urls.length, bytes, peakKb: download.peakKb };
}

/** The command line as a user runs it (its bundle, in plain Node); URL mode, 15 images, a fresh library. */
async function commandLine(bundle: string, baseUrl: string, apiKey: string, tmpDir: string) {
  const entry = [bundle];
  const args = [
    'generate',
    '--prompt',
    'benchmark',
    '--size',
    '4096x4096',
    '--max-images',
    String(benchImages),
  ];
  const run = await runChild(
    process.execPath,
    [
      ...entry,
      ...args,
      '--model',
      benchModel,
      '--base-url',
      baseUrl,
      '--library',
      join(tmpDir, 'library'),
      '--json',
    ],
    { PATH: process.env.PATH ?? '', HOME: tmpDir, COMETAPI_KEY: apiKey },
  );
  const answer = JSON.parse(run.stdout) as { images: { path: string }[] };
  let bytes = 0;
  for (const image of answer.images) bytes += (await stat(image.path)).size;
  return { images: answer.images.length, bytes, peakKb: run.peakKb };
}

/**
 * This process's own peak RSS. `resourceUsage().maxRSS` is not it on Linux: a child starts with the high-water
 * mark of the parent it was forked from (here, the benchmark holding the fake server's images).
 */
async function ownPeakKb(): Promise<number> {
  try {
    const match = /VmHWM:\s+(\d+)/.exec(await readFile('/proc/self/status', 'utf8'));
    if (match) return Number(match[1]);
  } catch {
    // Not Linux: maxRSS is the best figure available.
  }
  return process.resourceUsage().maxRSS;
}

async function main(): Promise<void> {
  const [contender, baseUrl = '', apiKey = '', tmpDir = '', bundle = ''] = process.argv.slice(2);
  const urlRequest = engineRequest('url');
  const base64Request = engineRequest('b64_json');
  const http = createHttpClient({ proxy: () => Promise.resolve({ kind: 'direct' }), certificates: () => [] });
  if (contender?.startsWith('engine-')) {
    // The app's client is running long before a generation's images arrive (the real API takes 25 seconds to
    // minutes to answer, the fake answers at once): one exchange first loads undici and compiles its parser,
    // so the clock measures the ingestion, not a start-up the app pays once.
    await readText(await http.send({ url: `${baseUrl}/v1/models`, method: 'GET' }));
  }
  // The wall clock starts after this process's own start-up; the command line's start-up is part of its run.
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  let result: { images: number; bytes: number; peakKb?: number };
  switch (contender) {
    case 'engine-url':
      result = await engine(http, baseUrl, apiKey, tmpDir, urlRequest);
      break;
    case 'engine-b64':
      result = await engine(http, baseUrl, apiKey, tmpDir, base64Request);
      break;
    case 'openai-b64':
      result = await openaiBase64(baseUrl, apiKey, tmpDir);
      break;
    case 'curl-url':
      result = await parallelCurl(baseUrl, apiKey, tmpDir);
      break;
    case 'cli-url':
      result = await commandLine(bundle, baseUrl, apiKey, tmpDir);
      break;
    default:
      throw new Error(`unknown contender ${String(contender)}`);
  }
  const wallMs = performance.now() - started;
  const peakKb = result.peakKb ?? (await ownPeakKb());
  const cpu = process.cpuUsage(cpuBefore);
  // curl and the command line do their work in a child; the engines and openai in this process.
  const ownCpuMs = (cpu.user + cpu.system) / 1000;
  const cpuMs = contender === 'curl-url' || contender === 'cli-url' ? await childrenCpuMs() : ownCpuMs;
  const output = {
    wallMs,
    peakRssMb: peakKb / 1024,
    cpuMs,
    images: result.images,
    bytes: result.bytes,
  };
  process.stdout.write(`${JSON.stringify(output)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
