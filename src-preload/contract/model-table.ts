import type { ModelInfo, RegionTagFormat } from './models';

/** The 5.0 pro/flash family's tags, as the provider documents them. */
const seedreamRegionTags: RegionTagFormat = {
  point: '<point>{x} {y}</point>',
  box: '<bbox>{x1} {y1} {x2} {y2}</bbox>',
  scale: 999,
};

/*
 * The built-in model table: what the app knows without asking any gateway, used offline and wherever a gateway
 * publishes no model list. Every fact names its source in `sources`; where the sources are silent the entry
 * says so below and takes the conservative value (fewer capabilities, a higher price, a narrower size range),
 * so a wrong guess refuses or over-estimates instead of spending money on a request the API will reject.
 *
 * Sources, by short name:
 * - cometapi-seedream: https://apidoc.cometapi.com/api/image/seededit-seedream/bytedance-image-generation
 *   (CometAPI's id `doubao-seedream-5-0-260128`, up to 14 references, references + results <= 15).
 * - volc-reference: https://clawhub.ai/api/v1/skills/seedream-volcengine/file?path=references%2FREFERENCE.md
 *   (a digest of https://www.volcengine.com/docs/82379/1541523: `output_format` png on 5.0 lite only,
 *   `tools: [{type: "web_search"}]` on 5.0 lite only, `optimize_prompt_options.mode` standard on all and fast on
 *   4.0 only, Volcengine ids `doubao-seedream-5-0-260128`, `-4-5-251128`, `-4-0-250828`).
 * - apiyi-versions: https://docs.apiyi.com/api-capabilities/seedream-image/historical-versions.md (BytePlus ids
 *   `seedream-5-0-260128`, `seedream-4-5-251128`, `seedream-4-0-250828`, `seedream-5-0-pro-260628`; sizes,
 *   formats, prompt modes; 5.0 pro has no sequence or stream, up to 10 references, at most 4.19 megapixels,
 *   coordinates and boxes for edits; USD prices 0.035, 0.04, 0.03, 0.12 per image).
 * - jiekou-lite: https://docs.jiekou.ai/en/docs/models/reference-seedream-5.0-lite (5.0 lite pixel range
 *   3 686 400 to 10 404 496, aspect 1/16 to 16).
 * - novita-45: https://novita.ai/docs/api-reference/model-apis-seedream-4.5 (4.5 pixel range 3 686 400 to
 *   16 777 216, prompt mode standard only).
 * - modellix-40: https://docs.modellix.ai/bytedance/seedream-4-0-t2i (4.0 pixel range 921 600 to 16 777 216,
 *   prompt modes standard and fast).
 * - laozhang-flash-pro: https://docs.laozhang.ai/en/announcements/seedream-5-0-flash-pro-2026-09.md (ids
 *   `seedream-5-0-flash-260915` and `seedream-5-0-pro-260628`; flash USD 0.018, "the same as BytePlus's list
 *   price", references free; pro USD 0.12, the first reference free and USD 0.003 for each further one;
 *   neither accepts `sequential_image_generation` or `stream`; 1 to 10 references).
 * - runware-flash: https://runware.ai/docs/models/bytedance-seedream-5-0-flash (flash: 1K to 2K output, up to 10
 *   references, edits aimed by point and bounding-box coordinates).
 * - laozhang-55: https://docs.laozhang.ai/api-capabilities/seedream-5-5 and
 *   https://docs.laozhang.ai/en/announcements/seedream-5-5-2026-11.md (id `seedream-5-5-261028`; `background`
 *   auto, transparent or opaque, transparent with jpeg is an error; PNG by default; 1K, 1.5K, 2K, no 3K or 4K;
 *   up to 10 references; USD 0.035 per image plus 0.008 per reference; no sequences).
 * - hopbase-55: https://dev.to/hopbase/seedream-55-api-pricing-multi-reference-image-editing-guide-seedream-50-pro-flash-vs-55-2nb1
 *   (5.5: at most 4 624 220 pixels, aspect ratios 1:16 to 16:1).
 * - wcode-lite-cny: https://wcode.net/model/doubao-seedream-5.0-lite (5.0 lite CNY 0.25 per image).
 * - volc-skill-cny: https://clawhub.ai/api/v1/skills/fashion-video-creator/file?path=references%2Fseedream-api.md
 *   (about CNY 0.22 per 5.0 image and CNY 0.32 per 4.5 image on Volcengine Ark).
 *
 * Silent sources, and the value chosen:
 * - CometAPI documents none of 5.0 flash, 5.0 pro and 5.5 by id: they carry BytePlus's ids and are offered on
 *   CometAPI (and a custom gateway) only when its live model list names them (`unconfirmedOn`).
 * - No source gives Volcengine ids for 5.0 flash, 5.0 pro or 5.5: not offered there.
 * - No source documents the `thinking` prompt mode for any model here: no entry offers it; the form, checks and
 *   request builder handle it for an entry that does (test/renderer/features/generate/thinking-mode.test.tsx,
 *   test/contract/model-table.test.ts).
 * - 4.0's CNY price: not found; CNY 0.32 (4.5's, the higher) is assumed.
 * - 5.0 flash: the prompt modes are not documented (only `standard`, which Volcengine documents for all
 *   models, is offered); transparent output is documented only for layer splits, not as `background`, so no
 *   `background`; PNG output is assumed from the transparent layers it returns.
 * - 5.5: prompt modes and coordinate edits are not documented, so neither is offered; the smallest size is not
 *   given, so 5.0 pro's documented 1K minimum (921 600 pixels) is used. 5.5 bills 2K images above 2.61 MP at
 *   the higher rate (hopbase-55): the higher rate is the list price here.
 * - 5.0 pro: BytePlus bills by output pixels in two tiers (apiyi-versions); CometAPI's flat USD 0.12 is used.
 * - Seeds and guidance scale: none of these models is documented to honour them (volc-reference: guidance only
 *   for 3.0), so neither is sent.
 */

const cometapiSeedream = 'https://apidoc.cometapi.com/api/image/seededit-seedream/bytedance-image-generation';
const volcReference =
  'https://clawhub.ai/api/v1/skills/seedream-volcengine/file?path=references%2FREFERENCE.md';
const apiyiVersions = 'https://docs.apiyi.com/api-capabilities/seedream-image/historical-versions.md';
const laozhangFlashPro = 'https://docs.laozhang.ai/en/announcements/seedream-5-0-flash-pro-2026-09.md';
const volcSkillCny =
  'https://clawhub.ai/api/v1/skills/fashion-video-creator/file?path=references%2Fseedream-api.md';

const usd = (perImage: number, perReference = 0, freeReferences = 0) => ({
  currency: 'USD' as const,
  perImageMicros: Math.round(perImage * 1_000_000),
  perReferenceMicros: Math.round(perReference * 1_000_000),
  freeReferences,
});
const cny = (perImage: number) => ({
  currency: 'CNY' as const,
  perImageMicros: Math.round(perImage * 1_000_000),
  perReferenceMicros: 0,
  freeReferences: 0,
});

const noExtras = { seed: false, guidanceScale: false } as const;

export const modelCatalogue: readonly ModelInfo[] = [
  {
    id: 'doubao-seedream-5-0-260128',
    label: 'Seedream 5.0 lite',
    ids: {
      cometapi: 'doubao-seedream-5-0-260128',
      byteplus: 'seedream-5-0-260128',
      volcengine: 'doubao-seedream-5-0-260128',
    },
    unconfirmedOn: [],
    sizePresets: ['2K', '3K'],
    minPixels: 3_686_400,
    maxPixels: 10_404_496,
    maxAspectRatio: 16,
    pngOutput: true,
    sequentialGeneration: true,
    streaming: true,
    maxReferences: 14,
    ...noExtras,
    promptModes: ['standard'],
    webSearch: true,
    regions: null,
    backgrounds: [],
    listPrices: [usd(0.035), cny(0.25)],
    sources: [
      cometapiSeedream,
      volcReference,
      apiyiVersions,
      'https://docs.jiekou.ai/en/docs/models/reference-seedream-5.0-lite',
      'https://wcode.net/model/doubao-seedream-5.0-lite',
    ],
  },
  {
    id: 'doubao-seedream-4-5-251128',
    label: 'Seedream 4.5',
    ids: {
      cometapi: 'doubao-seedream-4-5-251128',
      byteplus: 'seedream-4-5-251128',
      volcengine: 'doubao-seedream-4-5-251128',
    },
    unconfirmedOn: [],
    sizePresets: ['2K', '4K'],
    minPixels: 3_686_400,
    maxPixels: 16_777_216,
    maxAspectRatio: 16,
    pngOutput: false,
    sequentialGeneration: true,
    streaming: true,
    maxReferences: 14,
    ...noExtras,
    promptModes: ['standard'],
    webSearch: false,
    regions: null,
    backgrounds: [],
    listPrices: [usd(0.04), cny(0.32)],
    sources: [
      volcReference,
      apiyiVersions,
      'https://novita.ai/docs/api-reference/model-apis-seedream-4.5',
      volcSkillCny,
    ],
  },
  {
    id: 'doubao-seedream-4-0-250828',
    label: 'Seedream 4.0',
    ids: {
      cometapi: 'doubao-seedream-4-0-250828',
      byteplus: 'seedream-4-0-250828',
      volcengine: 'doubao-seedream-4-0-250828',
    },
    unconfirmedOn: [],
    sizePresets: ['1K', '2K', '4K'],
    minPixels: 921_600,
    maxPixels: 16_777_216,
    maxAspectRatio: 16,
    pngOutput: false,
    sequentialGeneration: true,
    streaming: true,
    maxReferences: 14,
    ...noExtras,
    promptModes: ['standard', 'fast'],
    webSearch: false,
    regions: null,
    backgrounds: [],
    listPrices: [usd(0.03), cny(0.32)],
    sources: [volcReference, apiyiVersions, 'https://docs.modellix.ai/bytedance/seedream-4-0-t2i'],
  },
  {
    id: 'seedream-5-0-pro-260628',
    label: 'Seedream 5.0 pro',
    ids: { cometapi: 'seedream-5-0-pro-260628', byteplus: 'seedream-5-0-pro-260628' },
    unconfirmedOn: ['cometapi'],
    sizePresets: ['1K', '2K'],
    minPixels: 921_600,
    maxPixels: 4_194_304,
    maxAspectRatio: 16,
    pngOutput: true,
    sequentialGeneration: false,
    streaming: false,
    maxReferences: 10,
    ...noExtras,
    promptModes: ['standard', 'fast'],
    webSearch: false,
    regions: seedreamRegionTags,
    backgrounds: [],
    listPrices: [usd(0.12, 0.003, 1)],
    sources: [apiyiVersions, laozhangFlashPro],
  },
  {
    id: 'seedream-5-0-flash-260915',
    label: 'Seedream 5.0 flash',
    ids: { cometapi: 'seedream-5-0-flash-260915', byteplus: 'seedream-5-0-flash-260915' },
    unconfirmedOn: ['cometapi'],
    sizePresets: ['1K', '2K'],
    minPixels: 921_600,
    maxPixels: 4_194_304,
    maxAspectRatio: 16,
    pngOutput: true,
    sequentialGeneration: false,
    streaming: false,
    maxReferences: 10,
    ...noExtras,
    promptModes: ['standard'],
    webSearch: false,
    regions: seedreamRegionTags,
    backgrounds: [],
    listPrices: [usd(0.018)],
    sources: [laozhangFlashPro, 'https://runware.ai/docs/models/bytedance-seedream-5-0-flash'],
  },
  {
    id: 'seedream-5-5-261028',
    label: 'Seedream 5.5',
    ids: { cometapi: 'seedream-5-5-261028', byteplus: 'seedream-5-5-261028' },
    unconfirmedOn: ['cometapi'],
    sizePresets: ['1K', '2K'],
    minPixels: 921_600,
    maxPixels: 4_624_220,
    maxAspectRatio: 16,
    pngOutput: true,
    sequentialGeneration: false,
    streaming: false,
    maxReferences: 10,
    ...noExtras,
    promptModes: [],
    webSearch: false,
    regions: null,
    backgrounds: ['transparent', 'opaque'],
    listPrices: [usd(0.035, 0.008)],
    sources: [
      'https://docs.laozhang.ai/api-capabilities/seedream-5-5',
      'https://docs.laozhang.ai/en/announcements/seedream-5-5-2026-11.md',
      'https://dev.to/hopbase/seedream-55-api-pricing-multi-reference-image-editing-guide-seedream-50-pro-flash-vs-55-2nb1',
    ],
  },
];
