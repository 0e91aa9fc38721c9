import { crc32, inflateSync } from 'node:zlib';
import { z } from 'zod';
import { pngSignature } from '../media/image-info';

/**
 * Prompt and parameters carried inside exported image files, read back on import. Pure byte work: PNG text
 * chunks and a JPEG XMP segment are inserted without re-encoding, so the pixels stay exactly as generated.
 */

const metadataSchema = z.object({
  app: z.string().optional(),
  prompt: z.string(),
  model: z.string(),
  parameters: z.record(z.string(), z.unknown()),
  generationId: z.number().int().nullable().optional(),
  position: z.number().int().optional(),
  createdAt: z.string().optional(),
  sha256: z.string().optional(),
  width: z.number().int().optional(),
  height: z.number().int().optional(),
  /** The SHA-256 of each reference image, in the order sent. */
  references: z.array(z.string()).optional(),
});

export type ImageMetadata = z.infer<typeof metadataSchema>;

/** The PNG text keyword holding the metadata as JSON. */
const pngMetadataKeyword = 'seedream-studio';
const pngSignatureBytes = Buffer.from(pngSignature);
const xmpHeader = Buffer.from('http://ns.adobe.com/xap/1.0/\0', 'latin1');
const xmpNamespace = 'urn:seedream-studio:metadata:1#';
/** A JPEG segment's length field counts itself and allows 65535. */
const maxSegmentData = 65_535 - 2;

interface PngChunk {
  type: string;
  start: number;
  end: number;
  data: Buffer;
}

function pngChunks(png: Buffer): PngChunk[] | null {
  if (png.length < 8 || !png.subarray(0, 8).equals(pngSignatureBytes)) return null;
  const chunks: PngChunk[] = [];
  let offset = 8;
  while (offset + 12 <= png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    const end = offset + 12 + length;
    if (end > png.length) return null;
    chunks.push({ type, start: offset, end, data: png.subarray(offset + 8, offset + 8 + length) });
    offset = end;
    if (type === 'IEND') break;
  }
  return chunks;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** An uncompressed international text chunk: UTF-8, so Chinese prompts survive. */
function itxt(keyword: string, text: string): Buffer {
  return pngChunk(
    'iTXt',
    Buffer.concat([Buffer.from(`${keyword}\0\0\0\0\0`, 'latin1'), Buffer.from(text, 'utf8')]),
  );
}

function textKeyword(chunk: PngChunk): string | null {
  if (chunk.type !== 'tEXt' && chunk.type !== 'iTXt' && chunk.type !== 'zTXt') return null;
  const nul = chunk.data.indexOf(0);
  return nul < 0 ? null : chunk.data.toString('latin1', 0, nul);
}

/** The text of every tEXt, zTXt and iTXt chunk, by keyword. */
export function readPngText(png: Buffer): Map<string, string> {
  const texts = new Map<string, string>();
  for (const chunk of pngChunks(png) ?? []) {
    const keyword = textKeyword(chunk);
    if (keyword === null) continue;
    const rest = chunk.data.subarray(keyword.length + 1);
    try {
      if (chunk.type === 'tEXt') texts.set(keyword, rest.toString('latin1'));
      else if (chunk.type === 'zTXt') texts.set(keyword, inflateSync(rest.subarray(1)).toString('latin1'));
      else {
        const compressed = rest[0] === 1;
        const languageEnd = rest.indexOf(0, 2);
        const translatedEnd = languageEnd < 0 ? -1 : rest.indexOf(0, languageEnd + 1);
        if (translatedEnd < 0) continue;
        const body = rest.subarray(translatedEnd + 1);
        texts.set(keyword, (compressed ? inflateSync(body) : body).toString('utf8'));
      }
    } catch {
      continue;
    }
  }
  return texts;
}

/** The PNG with these text entries right after its header, replacing earlier chunks of the same keywords. */
function embedPngText(png: Buffer, entries: Record<string, string>): Buffer | null {
  const chunks = pngChunks(png);
  const header = chunks?.[0];
  if (!chunks || header?.type !== 'IHDR') return null;
  const replaced = new Set(Object.keys(entries));
  const parts: Buffer[] = [pngSignatureBytes, png.subarray(header.start, header.end)];
  for (const [keyword, text] of Object.entries(entries)) parts.push(itxt(keyword, text));
  for (const chunk of chunks.slice(1)) {
    const keyword = textKeyword(chunk);
    if (keyword !== null && replaced.has(keyword)) continue;
    parts.push(png.subarray(chunk.start, chunk.end));
  }
  return Buffer.concat(parts);
}

interface JpegSegment {
  marker: number;
  start: number;
  end: number;
  data: Buffer;
}

/** The segments before the image data (start of scan), which is where metadata lives. */
function jpegHeaderSegments(jpeg: Buffer): { segments: JpegSegment[]; scanStart: number } | null {
  if (jpeg.length < 4 || jpeg[0] !== 0xff || jpeg[1] !== 0xd8) return null;
  const segments: JpegSegment[] = [];
  let offset = 2;
  while (offset + 4 <= jpeg.length) {
    if (jpeg[offset] !== 0xff) return null;
    const marker = jpeg[offset + 1] ?? 0;
    if (marker === 0xff) {
      offset += 1;
      continue;
    }
    if (marker === 0xda) return { segments, scanStart: offset };
    const length = jpeg.readUInt16BE(offset + 2);
    const end = offset + 2 + length;
    if (length < 2 || end > jpeg.length) return null;
    segments.push({ marker, start: offset, end, data: jpeg.subarray(offset + 4, end) });
    offset = end;
  }
  return null;
}

function isXmp(segment: JpegSegment): boolean {
  return segment.marker === 0xe1 && segment.data.subarray(0, xmpHeader.length).equals(xmpHeader);
}

export function readJpegXmp(jpeg: Buffer): string | null {
  const xmp = jpegHeaderSegments(jpeg)?.segments.find(isXmp);
  return xmp ? xmp.data.subarray(xmpHeader.length).toString('utf8') : null;
}

/** The JPEG with this XMP packet after its JFIF/Exif segments, replacing an earlier XMP packet. */
function embedJpegXmp(jpeg: Buffer, xmp: string): Buffer | null {
  const parsed = jpegHeaderSegments(jpeg);
  const packet = Buffer.concat([xmpHeader, Buffer.from(xmp, 'utf8')]);
  if (!parsed || packet.length > maxSegmentData) return null;
  const head = Buffer.alloc(4);
  head.writeUInt16BE(0xffe1, 0);
  head.writeUInt16BE(packet.length + 2, 2);
  const kept = parsed.segments.filter((segment) => !isXmp(segment));
  const leading = kept.filter((segment) => segment.marker === 0xe0 || segment.marker === 0xe1);
  const rest = kept.filter((segment) => !leading.includes(segment));
  return Buffer.concat([
    jpeg.subarray(0, 2),
    ...leading.map((segment) => jpeg.subarray(segment.start, segment.end)),
    head,
    packet,
    ...rest.map((segment) => jpeg.subarray(segment.start, segment.end)),
    jpeg.subarray(parsed.scanStart),
  ]);
}

function escapeXml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');
}

function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|lt|gt|quot|apos|amp);/gi, (_, entity: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' };
    if (entity.startsWith('#x') || entity.startsWith('#X'))
      return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(Number(entity.slice(1)));
    return named[entity.toLowerCase()] ?? '';
  });
}

/** An XMP packet with the prompt as the description (what other tools show) and the whole record as JSON. */
function xmpPacket(metadata: ImageMetadata): string {
  return [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    `<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:seedream="${xmpNamespace}">`,
    `<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(metadata.prompt)}</rdf:li></rdf:Alt></dc:description>`,
    '<xmp:CreatorTool>Seedream Studio</xmp:CreatorTool>',
    `<seedream:generation>${escapeXml(JSON.stringify(metadata))}</seedream:generation>`,
    '</rdf:Description>',
    '</rdf:RDF>',
    '</x:xmpmeta>',
    '<?xpacket end="w"?>',
  ].join('\n');
}

export function parseMetadataJson(text: string): ImageMetadata | null {
  try {
    const parsed = metadataSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function metadataFromXmp(xmp: string): ImageMetadata | null {
  const record = /<seedream:generation>([\s\S]*?)<\/seedream:generation>/.exec(xmp)?.[1];
  if (record !== undefined) {
    const parsed = parseMetadataJson(unescapeXml(record));
    if (parsed) return parsed;
  }
  const description = /<dc:description>[\s\S]*?<rdf:li[^>]*>([\s\S]*?)<\/rdf:li>/.exec(xmp)?.[1];
  return description === undefined ? null : { prompt: unescapeXml(description), model: '', parameters: {} };
}

/** Reads what `embedMetadata` wrote; also takes a plain description other tools wrote as the prompt. */
export function readMetadata(bytes: Buffer, format: string): ImageMetadata | null {
  if (format === 'png') {
    const texts = readPngText(bytes);
    const record = texts.get(pngMetadataKeyword);
    const parsed = record === undefined ? null : parseMetadataJson(record);
    if (parsed) return parsed;
    const description = texts.get('Description');
    return description === undefined ? null : { prompt: description, model: '', parameters: {} };
  }
  if (format === 'jpeg') {
    const xmp = readJpegXmp(bytes);
    return xmp === null ? null : metadataFromXmp(xmp);
  }
  return null;
}

/** The file with the metadata inside, or null when its format has no place the library writes to. */
export function embedMetadata(bytes: Buffer, format: string, metadata: ImageMetadata): Buffer | null {
  if (format === 'png') {
    return embedPngText(bytes, {
      [pngMetadataKeyword]: JSON.stringify(metadata),
      Description: metadata.prompt,
      Software: 'Seedream Studio',
    });
  }
  if (format === 'jpeg') return embedJpegXmp(bytes, xmpPacket(metadata));
  return null;
}
