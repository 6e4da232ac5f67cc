/** The image kinds a photo may be, told apart by their first bytes, never by a name or a header. */
export const PHOTO_TYPES = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
} as const;

export type PhotoMimeType = keyof typeof PHOTO_TYPES;

export interface SniffedImage {
  mimeType: PhotoMimeType;
  width: number;
  height: number;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG_END = Buffer.from([0xff, 0xd9]);

/**
 * What `bytes` really are: JPEG (FF D8 FF), PNG (89 50 4E 47 0D 0A 1A 0A) or WebP (RIFF….WEBP),
 * with the dimensions read from the header. Anything else is `undefined`: a known signature whose
 * header does not give sane dimensions (a text file that starts with the right bytes), and a file
 * cut off before its end (a PNG without IEND, a WebP shorter than its RIFF size, a JPEG without
 * an end-of-image marker after its frame header). The pixels are never decoded.
 */
export function sniffImage(bytes: Buffer): SniffedImage | undefined {
  const found = jpeg(bytes) ?? png(bytes) ?? webp(bytes);
  if (!found || found.width < 1 || found.height < 1) return undefined;
  return found;
}

function png(b: Buffer): SniffedImage | undefined {
  if (b.length < 24 || !b.subarray(0, 8).equals(PNG_SIGNATURE) || b.toString('latin1', 12, 16) !== 'IHDR') return undefined;
  // Walk the chunks (length, type, data, CRC) to IEND: a cut-off file never gets there.
  for (let at = 8; at + 12 <= b.length; at += 12 + b.readUInt32BE(at)) {
    if (b.toString('latin1', at + 4, at + 8) === 'IEND') return { mimeType: 'image/png', width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
  }
  return undefined;
}

/** Walks the marker segments up to the first start-of-frame, which holds the dimensions. */
function jpeg(b: Buffer): SniffedImage | undefined {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8 || b[2] !== 0xff) return undefined;
  let i = 2;
  while (i + 4 <= b.length) {
    if (b[i] !== 0xff) return undefined;
    const marker = b[i + 1] as number;
    if (marker === 0xff) {
      i++; // fill byte
      continue;
    }
    // Start of scan (or end of image) before any frame header: not a photo we can read.
    if (marker === 0xda || marker === 0xd9) return undefined;
    const length = b.readUInt16BE(i + 2);
    if (length < 2) return undefined;
    // SOF0…SOF15, except DHT (C4), JPG (C8) and DAC (CC), which share the range.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      // The end-of-image marker must follow (cameras may append bytes after it, so not necessarily last).
      if (i + 9 > b.length || b.lastIndexOf(JPEG_END) < i + 2 + length) return undefined;
      return { mimeType: 'image/jpeg', height: b.readUInt16BE(i + 5), width: b.readUInt16BE(i + 7) };
    }
    i += 2 + length;
  }
  return undefined;
}

function webp(b: Buffer): SniffedImage | undefined {
  if (b.length < 30 || b.toString('latin1', 0, 4) !== 'RIFF' || b.toString('latin1', 8, 12) !== 'WEBP') return undefined;
  // The RIFF size counts everything after its own 8 bytes: fewer bytes means the file was cut off.
  if (b.readUInt32LE(4) + 8 > b.length) return undefined;
  const chunk = b.toString('latin1', 12, 16);
  if (chunk === 'VP8 ') {
    // Lossy: a 3-byte frame tag, the start code 9D 01 2A, then 14-bit width and height.
    if (b[23] !== 0x9d || b[24] !== 0x01 || b[25] !== 0x2a) return undefined;
    return { mimeType: 'image/webp', width: b.readUInt16LE(26) & 0x3fff, height: b.readUInt16LE(28) & 0x3fff };
  }
  if (chunk === 'VP8L') {
    // Lossless: signature 2F, then width-1 and height-1 in 14 bits each.
    if (b[20] !== 0x2f) return undefined;
    const bits = b.readUInt32LE(21);
    return { mimeType: 'image/webp', width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8X') {
    // Extended: canvas width-1 and height-1, 24 bits each.
    return { mimeType: 'image/webp', width: b.readUIntLE(24, 3) + 1, height: b.readUIntLE(27, 3) + 1 };
  }
  return undefined;
}
