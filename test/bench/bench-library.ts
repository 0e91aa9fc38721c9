import { createHash } from 'node:crypto';
import { cp, mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { openDatabase } from '../../src-main/library/database';
import { fileExists } from '../../src-main/library/file-store';
import { openLibrary } from '../../src-main/library/library';
import { latestSchemaVersion } from '../../src-main/library/migrations';
import { catalogFileName } from '../../src-main/library/paths';
import { cjkPairs, searchableText } from '../../src-main/library/prompt-search';
import { sceneSvg } from '../fake-cometapi/scene-svg';
import { nativeCodec } from '../support/codecs';
import { seededRandom } from '../support/seeded-random';

/**
 * The benches' library: a catalog of any size (a million images by default) written straight into SQLite by a
 * few set-based statements in one transaction, instead of a million durable ingests (a day here) or a million
 * inserts from JavaScript. Every row is what the library itself writes (generations, images, prompt search,
 * references, a tag, a collection), and the catalog's own triggers keep its totals as they would. The prompts
 * come from a pool made in JavaScript (the search columns need the library's own tokenising); the picture files
 * are a few dozen designs stored through the library module with their thumbnails, so every row has a real file
 * and the app shows pictures. Built once per size, schema version and seeding version in the system temp
 * folder, then copied.
 */

/** Raise when the rows written change, so an old template is not reused. */
const seedingVersion = 3;
const cacheRoot = path.join(tmpdir(), 'seedream-bench-library');
/** Distinct picture files; rows cycle through them (the store keeps one file per content). */
const designCount = 48;
const designSide = 384;
/** Distinct prompts; generations pick among them, so each word's share of the library is the pool's. */
const promptPool = 4096;

const englishWords =
  `a an the of with in on at by from portrait landscape city street night morning sunset sunrise
  golden hour soft warm cold blue red green purple neon cinematic photo photograph realistic detailed sharp focus
  bokeh studio lighting shadow reflection rain snow fog mist forest mountain river lake ocean beach desert castle
  tower bridge garden flower rose tree leaf autumn winter spring summer woman man girl boy child old young smiling
  cat dog horse bird dragon robot astronaut samurai knight wizard cyberpunk steampunk fantasy watercolor oil painting
  sketch illustration anime isometric minimal vintage retro futuristic ancient temple market cafe kitchen window
  table chair book lamp candle glass mirror wooden stone marble silk velvet leather metal gold silver crystal`
    .split(/\s+/)
    .filter(Boolean);
const chinesePhrases =
  `一只 小猫 小狗 少女 老人 城市 夜景 街道 霓虹灯 赛博朋克 水彩画 油画 山水 森林 河流 湖泊 大海 沙滩
  古城 宫殿 寺庙 花园 樱花 玫瑰 秋天 冬天 春天 夏天 雪景 雨夜 阳光 月光 星空 银河 云海 雾气 灯笼 茶馆 书房 窗台
  坐在 站在 走在 飞翔 微笑 安静 温暖 柔和 明亮 梦幻 写实 细节 高清 电影感 构图 光影 色彩 金色 蓝色 红色 紫色 古风
  汉服 武士 骑士 机器人 宇航员 龙 凤凰 麒麟 熊猫 老虎 仙鹤 竹林 荷花 瀑布 长城 故宫 江南 水乡 小桥 流水 人家`
    .split(/\s+/)
    .filter(Boolean);

export const benchModels = [
  'doubao-seedream-4-5-251128',
  'doubao-seedream-4-0-250828',
  'doubao-seedream-5-0-260128',
];
export const rareModel = 'seedream-5-0-pro-260628';
/**
 * Claimed pixel sizes with their shares in thousandths, for the size filter; the files themselves are the small
 * designs.
 */
const sizes: [width: number, height: number, perMille: number][] = [
  [2048, 2048, 600],
  [2304, 1728, 150],
  [1728, 2304, 100],
  [2848, 1600, 100],
  [4096, 4096, 50],
];

function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('empty list');
  return item;
}

/** English or Chinese (half each), 60 to 200 characters, with a few rare words. */
function prompt(random: () => number): string {
  const parts: string[] = [];
  const chinese = random() < 0.5;
  const target = 60 + Math.floor(random() * 140);
  let length = 0;
  while (length < target) {
    const part = chinese ? pick(random, chinesePhrases) : pick(random, englishWords);
    parts.push(part);
    length += part.length + 1;
  }
  // Every English prompt has `light` and every Chinese one 的: each matches half the library.
  parts.splice(Math.floor(random() * parts.length), 0, chinese ? '的光' : 'light');
  if (random() < 0.001) parts.push('zebra');
  if (random() < 0.001) parts.push('貔貅');
  // 麋 and 鹿 each in half the prompts but kept apart, and side by side in very few: the case that makes
  // single-character search check positions in every prompt holding both.
  if (random() < 0.5) parts.unshift('麋');
  if (random() < 0.5) parts.push('鹿');
  if (random() < 0.0005) parts.splice(1, 0, '麋鹿');
  return chinese ? parts.join('') : parts.join(' ');
}

/** What the benches need to know about the library they run on. */
export interface BenchLibrary {
  /** The template's library folder: copy it (`copyBenchLibrary`) before opening it with anything that writes. */
  libraryDir: string;
  images: number;
  generations: number;
  tagId: number;
  rareTagId: number;
  collectionId: number;
  /** How long writing the rows took when the template was built. */
  seedMs: number;
}

/** The designs' files through the library module, with their thumbnails made, as the app would have them. */
async function storeDesigns(dir: string): Promise<string[]> {
  const library = await openLibrary({ dir, codec: nativeCodec, now: () => Date.UTC(2023, 11, 31) });
  try {
    const hashes: string[] = [];
    for (let design = 0; design < designCount; design += 1) {
      const bytes = await sharp(Buffer.from(sceneSvg(design, designSide, designSide)))
        .png({ compressionLevel: 3 })
        .toBuffer();
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const tmpPath = path.join(library.context.tmpDir, `design-${design}.png`);
      await writeFile(tmpPath, bytes);
      await library.imageStore.store(
        { generationId: null, position: 0 },
        { tmpPath, sha256, bytes: bytes.length, format: 'png', width: designSide, height: designSide },
      );
      await library.thumbnails.ensure(sha256);
      hashes.push(sha256);
    }
    return hashes;
  } finally {
    library.close();
  }
}

/** better-sqlite3 binds a JavaScript number as REAL; STRICT integer columns take BigInts. */
function integers<T extends Record<string, unknown>>(values: T): Record<keyof T, unknown> {
  return Object.fromEntries(
    Object.entries(values).map(([key, value]) => [key, typeof value === 'number' ? BigInt(value) : value]),
  ) as Record<keyof T, unknown>;
}

interface Written {
  generations: number;
  tagId: number;
  rareTagId: number;
  collectionId: number;
}

/**
 * The rows, oldest first over two years so ids grow with time as the library writes them: generations of one
 * to four images, a tenth made from an earlier image, 5% favorites, 0.2% from a rare model, a tag on 10% and
 * one on 0.1%, a collection of 2%. Each step is one statement over a plan of the generations kept in temporary
 * tables; SQLite's random() draws the shares (the template is built once, so it need not be replayable).
 */
function writeRows(
  catalogFile: string,
  imageCount: number,
  designs: readonly string[],
  onProgress: (step: string) => void,
): Written {
  const db = openDatabase(catalogFile);
  try {
    // A template rebuilt from scratch when interrupted needs no journal and no syncs; the transaction stays one.
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.pragma('temp_store = MEMORY');
    db.pragma('cache_size = -1000000');
    const random = seededRandom(42);
    const written = db.transaction(() => {
      const offsets = db
        .prepare<[], { generations: number; images: number }>(
          `SELECT (SELECT coalesce(max(id), 0) FROM generations) AS generations,
             (SELECT coalesce(max(id), 0) FROM images) AS images`,
        )
        .get() ?? { generations: 0, images: 0 };
      db.exec(`
        CREATE TEMP TABLE bench_prompts (id INTEGER PRIMARY KEY, prompt TEXT, text TEXT, pairs TEXT);
        CREATE TEMP TABLE bench_designs (id INTEGER PRIMARY KEY, sha256 TEXT);
        CREATE TEMP TABLE bench_sizes (width INTEGER, height INTEGER, low INTEGER, high INTEGER);
      `);
      const addPrompt = db.prepare('INSERT INTO bench_prompts VALUES (?, ?, ?, ?)');
      for (let id = 1; id <= promptPool; id += 1) {
        const text = prompt(random);
        addPrompt.run(id, text, searchableText(text), cjkPairs(text));
      }
      const addDesign = db.prepare('INSERT INTO bench_designs VALUES (?, ?)');
      designs.forEach((sha256, index) => addDesign.run(index, sha256));
      const addSize = db.prepare('INSERT INTO bench_sizes VALUES (?, ?, ?, ?)');
      let low = 0;
      for (const [width, height, perMille] of sizes) {
        addSize.run(width, height, low, low + perMille);
        low += perMille;
      }

      onProgress('generations');
      const plan = {
        n: imageCount,
        // Generations of 2.5 images on average: this many hold the images with room to spare.
        planned: Math.ceil(imageCount / 2.3) + 50,
        prompts: promptPool,
        generationOffset: offsets.generations,
        imageOffset: offsets.images,
        start: Date.UTC(2024, 0, 1),
        span: 2 * 365 * 24 * 3_600_000,
        rare: rareModel,
        m0: benchModels[0],
        m1: benchModels[1],
        m2: benchModels[2],
        designs: designs.length,
      };
      db.prepare(
        `CREATE TEMP TABLE bench_generations AS
         WITH RECURSIVE n (g) AS (SELECT 1 UNION ALL SELECT g + 1 FROM n WHERE g < @planned),
           drawn AS MATERIALIZED (
             SELECT g, 1 + abs(random() % 4) AS c, 1 + abs(random() % @prompts) AS prompt_id,
               abs(random() % 1000) AS r_model, abs(random() % 1000) AS r_size, abs(random() % 100) AS r_ref
             FROM n),
           placed AS MATERIALIZED (SELECT *, sum(c) OVER (ORDER BY g ROWS UNBOUNDED PRECEDING) - c AS first FROM drawn)
         SELECT @generationOffset + g AS id, min(c, @n - first) AS c, prompt_id, first,
           CASE WHEN r_model < 2 THEN @rare WHEN r_model % 3 = 0 THEN @m0 WHEN r_model % 3 = 1 THEN @m1 ELSE @m2 END
             AS model,
           @start + first * @span / @n AS created_at, r_size, first > 100 AND r_ref < 10 AS with_references
         FROM placed WHERE first < @n`,
      ).run(integers(plan));
      const planned = db
        .prepare<[], { generations: number; images: number }>(
          'SELECT count(*) AS generations, coalesce(sum(c), 0) AS images FROM bench_generations',
        )
        .get();
      if (planned?.images !== imageCount) {
        throw new Error(`The seeding plan holds ${planned?.images ?? 0} images, not ${imageCount}.`);
      }
      db.prepare(
        `INSERT INTO generations (id, kind, prompt, model, params, requested_images, status, created_at, finished_at,
           usage_generated_images, usage_output_tokens, usage_total_tokens)
         SELECT b.id, 'api', p.prompt, b.model, CASE WHEN b.c > 1
             THEN json_object('model', b.model, 'prompt', p.prompt, 'size', '2K', 'watermark', json('false'),
               'sequential_image_generation', 'auto',
               'sequential_image_generation_options', json_object('max_images', b.c))
             ELSE json_object('model', b.model, 'prompt', p.prompt, 'size', '2K', 'watermark', json('false'),
               'sequential_image_generation', 'disabled') END,
           b.c, 'succeeded', b.created_at, b.created_at + 40000, b.c, b.c * 16384, b.c * 16384
         FROM bench_generations b JOIN bench_prompts p ON p.id = b.prompt_id ORDER BY b.id`,
      ).run();

      onProgress('images');
      db.prepare(
        `CREATE TEMP TABLE bench_images AS
         WITH positions (p) AS (VALUES (0), (1), (2), (3))
         SELECT @imageOffset + b.first + positions.p + 1 AS id, b.id AS generation_id, positions.p AS position,
           d.sha256, s.width, s.height, 4000000 + abs(random() % 4000000) AS bytes,
           abs(random() % 100) < 5 AS favorite, b.created_at + positions.p * 1000 AS created_at, b.model,
           b.with_references, b.prompt_id
         FROM bench_generations b JOIN positions ON positions.p < b.c
           JOIN bench_sizes s ON b.r_size >= s.low AND b.r_size < s.high
           JOIN bench_designs d ON d.id = (b.first + positions.p) % @designs
         ORDER BY 1`,
      ).run(integers(plan));
      db.exec(`
        INSERT INTO images (id, generation_id, position, sha256, format, width, height, bytes, favorite, created_at,
          model, with_references)
        SELECT id, generation_id, position, sha256, 'png', width, height, bytes, favorite, created_at, model,
          with_references
        FROM bench_images ORDER BY id;
      `);
      // Made from an earlier image, so after the images.
      db.prepare(
        `INSERT INTO generation_references (generation_id, position, image_id)
         SELECT id, 0, @imageOffset + 1 + abs(random() % first) FROM bench_generations WHERE with_references`,
      ).run(integers(plan));

      onProgress('prompt search');
      db.exec(`
        INSERT INTO prompt_search (rowid, text, pairs)
        SELECT i.id, p.text, p.pairs FROM bench_images i JOIN bench_prompts p ON p.id = i.prompt_id ORDER BY i.id;
      `);

      onProgress('tags and collections');
      const groups = {
        tagId: Number(
          db.prepare("INSERT INTO tags (name, created_at) VALUES ('keep', 0)").run().lastInsertRowid,
        ),
        rareTagId: Number(
          db.prepare("INSERT INTO tags (name, created_at) VALUES ('award', 0)").run().lastInsertRowid,
        ),
        collectionId: Number(
          db.prepare("INSERT INTO collections (name, created_at) VALUES ('Portfolio', 0)").run()
            .lastInsertRowid,
        ),
      };
      db.prepare(
        `INSERT INTO image_tags (tag_id, image_id)
         SELECT @tagId, id FROM bench_images WHERE abs(random() % 1000) < 100
         UNION ALL SELECT @rareTagId, id FROM bench_images WHERE abs(random() % 1000) < 1`,
      ).run(integers(groups));
      db.prepare(
        `INSERT INTO collection_images (collection_id, image_id, added_at)
         SELECT @collectionId, id, 0 FROM bench_images WHERE abs(random() % 1000) < 20`,
      ).run(integers(groups));
      db.exec(`
        DROP TABLE bench_images; DROP TABLE bench_generations; DROP TABLE bench_prompts;
        DROP TABLE bench_designs; DROP TABLE bench_sizes;
      `);
      return { ...groups, generations: planned.generations };
    })();
    // The planner's statistics, as the library's `pragma optimize` at each close would have gathered by now.
    onProgress('statistics');
    db.exec('ANALYZE');
    db.pragma('journal_mode = WAL');
    return written;
  } finally {
    db.close();
  }
}

async function build(libraryDir: string, imageCount: number, onProgress: (step: string) => void) {
  const designs = await storeDesigns(libraryDir);
  const started = performance.now();
  const written = writeRows(
    path.join(libraryDir, catalogFileName),
    imageCount - designs.length,
    designs,
    onProgress,
  );
  return { ...written, images: imageCount, seedMs: performance.now() - started };
}

/** The template library of `imageCount` images (the designs count among them), built on first use. */
export async function benchLibrary(
  imageCount: number,
  onProgress: (step: string) => void = () => undefined,
): Promise<BenchLibrary> {
  const template = path.join(
    cacheRoot,
    `schema-${latestSchemaVersion}-seeding-${seedingVersion}-${imageCount}-images`,
  );
  const manifest = path.join(template, 'manifest.json');
  const libraryDir = path.join(template, 'library');
  if (!(await fileExists(manifest))) {
    await rm(template, { recursive: true, force: true });
    await mkdir(template, { recursive: true });
    const built = await build(libraryDir, imageCount, onProgress);
    // Written last: an interrupted build leaves no manifest and starts over next time.
    await writeFile(manifest, JSON.stringify(built));
  }
  const built = JSON.parse(await readFile(manifest, 'utf8')) as Omit<BenchLibrary, 'libraryDir'>;
  return { ...built, libraryDir };
}

/** Says what the first build of a template is doing, with the seconds since it started. */
export function seedingProgress(imageCount: number): (step: string) => void {
  const started = performance.now();
  return (step) => {
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `  writing the bench catalog of ${imageCount.toLocaleString('en-US')} images: ${step} (${seconds} s)`,
    );
  };
}

/** Copies the template's library folder to `target` (the folder the app or a bench then opens). */
export async function copyBenchLibrary(bench: BenchLibrary, target: string): Promise<void> {
  await rm(target, { recursive: true, force: true });
  await cp(bench.libraryDir, target, { recursive: true });
}

/** The catalog's bytes on disk: the database file and whatever its WAL still holds. */
export async function catalogBytes(libraryDir: string): Promise<number> {
  let total = 0;
  for (const name of await readdir(libraryDir)) {
    if (name.startsWith(catalogFileName)) total += (await stat(path.join(libraryDir, name))).size;
  }
  return total;
}
