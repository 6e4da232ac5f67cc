import { decode, encode } from 'jpeg-js';

/** What a mini-program code carries: the scene and page the API asked for (WeChat's own code is a picture only). */
export interface WxaCodeContent {
  scene: string;
  page: string;
  envVersion: string;
  width: number;
}

const GRID = 16; // 16 × 16 modules = 256 bits = 32 scene characters of 8 bits
const QUIET = 2; // modules of white margin on each side
const COMMENT_PREFIX = 'gridloop-wechat-fake wxacode ';

/**
 * A real JPEG, `width` pixels square, as WeChat's code is: a black frame and the scene's bytes as a
 * 16 × 16 grid of modules (dark = 1, row by row, NUL-padded), so a test can read the scene off the
 * picture itself (readWxaCode), not only off the JPEG comment that also names scene, page and version.
 */
export function drawWxaCode(content: WxaCodeContent): Buffer {
  const size = content.width;
  const cells = GRID + 2 * QUIET;
  const bits = sceneBits(content.scene);
  const rgba = Buffer.alloc(size * size * 4, 255);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const cx = Math.floor((x * cells) / size);
      const cy = Math.floor((y * cells) / size);
      const frame = cx === 0 || cy === 0 || cx === cells - 1 || cy === cells - 1;
      const inGrid = cx >= QUIET && cy >= QUIET && cx < QUIET + GRID && cy < QUIET + GRID;
      const dark = frame || (inGrid && bits[(cy - QUIET) * GRID + (cx - QUIET)] === 1);
      if (dark) rgba.fill(0, (y * size + x) * 4, (y * size + x) * 4 + 3);
    }
  }
  const comment = `${COMMENT_PREFIX}${JSON.stringify(content)}`;
  return encode({ width: size, height: size, data: rgba, comments: [comment] }, 90).data;
}

/** Reads a code the fake drew: the scene from its modules, the rest from its comment. Throws on anything else. */
export function readWxaCode(jpeg: Uint8Array): WxaCodeContent {
  const image = decode(jpeg, { useTArray: true });
  const comment = image.comments?.find((text) => text.startsWith(COMMENT_PREFIX));
  if (comment === undefined) throw new Error('not a code drawn by the WeChat fake');
  const stated = JSON.parse(comment.slice(COMMENT_PREFIX.length)) as WxaCodeContent;
  const cells = GRID + 2 * QUIET;
  const bytes: number[] = [];
  for (let index = 0; index < GRID * GRID; index += 8) {
    let byte = 0;
    for (let bit = 0; bit < 8; bit++) {
      const cell = index + bit;
      const cx = QUIET + (cell % GRID);
      const cy = QUIET + Math.floor(cell / GRID);
      // The module's centre pixel, thresholded (JPEG blurs edges only).
      const x = Math.floor(((cx + 0.5) * image.width) / cells);
      const y = Math.floor(((cy + 0.5) * image.height) / cells);
      const dark = (image.data[(y * image.width + x) * 4] ?? 255) < 128;
      byte = (byte << 1) | (dark ? 1 : 0);
    }
    bytes.push(byte);
  }
  const scene = Buffer.from(bytes.filter((byte) => byte !== 0)).toString('latin1');
  if (scene !== stated.scene) throw new Error(`the modules read ${JSON.stringify(scene)}, the comment ${JSON.stringify(stated.scene)}`);
  return { ...stated, width: image.width };
}

function sceneBits(scene: string): number[] {
  const bits: number[] = [];
  for (let index = 0; index < (GRID * GRID) / 8; index++) {
    const code = index < scene.length ? scene.charCodeAt(index) : 0;
    for (let bit = 7; bit >= 0; bit--) bits.push((code >> bit) & 1);
  }
  return bits;
}
