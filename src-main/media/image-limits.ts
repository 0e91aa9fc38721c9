/**
 * How large an image the library takes in, by its header, before anything decodes it. 100 megapixels covers
 * every camera and phone photo (a 61-megapixel full-frame camera, a 50-megapixel phone mode) and every Seedream
 * output (at most 16.8 megapixels), while a decompression bomb (a 20000 x 20000 PNG of under 1 MB would decode
 * to 1.6 GB of RGBA) is refused by name. Fully decoded, an image at the limit takes 400 MB; sharp resizes while
 * it decodes, so making a thumbnail or a reference copy takes far less.
 */
export const maxImagePixels = 100_000_000;

/** Given to every sharp call on an image from outside: libvips refuses anything larger as a second guard. */
export const sharpInputOptions = { limitInputPixels: maxImagePixels } as const;

/** Why an image of this size is refused, in words for people; null when it is within the limit. */
export function pixelLimitProblem(width: number, height: number): string | null {
  const pixels = width * height;
  if (pixels <= maxImagePixels) return null;
  return `It is ${width} x ${height} pixels (${(pixels / 1_000_000).toFixed(1)} megapixels); images over ${maxImagePixels / 1_000_000} megapixels are not accepted.`;
}
