/**
 * "Save GIF": an animation of frames a figure already computed (the forward
 * process over t, a reverse run's kept x_t, the hero's round trip), encoded in
 * the page with gifenc. The frames are grey images in [−1, 1], so the palette
 * is the 256 greys and no quantisation is needed; each frame is encoded in its
 * own task, yielding to the event loop between frames so that the page keeps
 * answering.
 */
import { GIFEncoder } from 'gifenc';
import { signedToRgba } from './grey';

export interface GifFrame {
  /** Pixels in [−1, 1], row-major. */
  pixels: ArrayLike<number>;
  width: number;
  height: number;
  /** Drawn under the image, e.g. "t = 250". */
  label: string;
  /** How long the frame shows, in ms (GIF counts in hundredths of a second). */
  delayMs?: number;
}

export interface GifOptions {
  /** Magnification of each image pixel (nearest neighbour). */
  scale?: number;
  /** Default frame delay, ms. */
  delayMs?: number;
  /** How long the last frame holds before the loop restarts, ms. */
  holdLastMs?: number;
  onProgress?: (done: number, total: number) => void;
  /** Lets the page breathe between frames; injectable for tests. */
  yieldNow?: () => Promise<void>;
}

/** Height of the label band under each image, in GIF pixels. */
export const GIF_LABEL_PX = 24;

/** The 256 greys: palette index = grey level, so a grey frame maps to indices with no search. */
export const GREY_PALETTE: number[][] = Array.from({ length: 256 }, (_, i) => [i, i, i]);

/** Palette indices of an RGBA frame drawn in greys (the mean of R, G and B, in case of colour fringes). */
export function greyIndices(rgba: Uint8ClampedArray | Uint8Array): Uint8Array {
  const out = new Uint8Array(rgba.length / 4);
  for (let i = 0, j = 0; i < out.length; i++, j += 4) out[i] = Math.round((rgba[j] + rgba[j + 1] + rgba[j + 2]) / 3);
  return out;
}

export function gifFrameSize(frame: Pick<GifFrame, 'width' | 'height'>, scale: number): { width: number; height: number } {
  return { width: frame.width * scale, height: frame.height * scale + GIF_LABEL_PX };
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * One frame drawn as the GIF shows it: the image, magnified with crisp pixels
 * to fill `width` × (height − label), over its label. (The hero's two halves
 * can differ in size: a reader's model may draw at another resolution.)
 */
function paint(g: CanvasRenderingContext2D, small: HTMLCanvasElement, f: GifFrame, width: number, height: number) {
  const imageHeight = height - GIF_LABEL_PX;
  small.width = f.width;
  small.height = f.height;
  const sg = small.getContext('2d');
  if (!sg) throw new Error('no 2D canvas');
  const img = sg.createImageData(f.width, f.height);
  signedToRgba(f.pixels, img.data);
  sg.putImageData(img, 0, 0);
  g.fillStyle = '#fff';
  g.fillRect(0, 0, width, height);
  g.imageSmoothingEnabled = false;
  g.drawImage(small, 0, 0, width, imageHeight);
  g.fillStyle = '#000';
  g.font = '600 14px system-ui, sans-serif';
  g.textBaseline = 'middle';
  g.textAlign = 'center';
  g.fillText(f.label, width / 2, imageHeight + GIF_LABEL_PX / 2, width - 8);
}

/** Encodes the frames as a looping GIF, at the first frame's size (others are scaled to it). */
export async function encodeGif(frames: readonly GifFrame[], opts: GifOptions = {}): Promise<Blob> {
  const { scale = 8, delayMs = 90, holdLastMs = 1200, onProgress, yieldNow = nextTask } = opts;
  if (frames.length === 0) throw new Error('no frames to encode');
  const { width, height } = gifFrameSize(frames[0], scale);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const g = canvas.getContext('2d', { willReadFrequently: true });
  if (!g) throw new Error('no 2D canvas');
  const small = document.createElement('canvas');
  const gif = GIFEncoder();
  for (let i = 0; i < frames.length; i++) {
    const f = frames[i];
    paint(g, small, f, width, height);
    const index = greyIndices(g.getImageData(0, 0, width, height).data);
    const last = i === frames.length - 1;
    gif.writeFrame(index, width, height, {
      palette: i === 0 ? GREY_PALETTE : undefined,
      delay: last ? Math.max(f.delayMs ?? delayMs, holdLastMs) : (f.delayMs ?? delayMs),
    });
    onProgress?.(i + 1, frames.length);
    await yieldNow();
  }
  gif.finish();
  return new Blob([gif.bytes()], { type: 'image/gif' });
}

/**
 * Number of image frames in a GIF byte stream: its image descriptors (0x2C),
 * found by walking the block structure rather than by searching for the byte.
 * Used by the tests, and small enough to keep beside the encoder.
 */
export function countGifFrames(bytes: Uint8Array): number {
  const ascii = String.fromCharCode(...bytes.subarray(0, 6));
  if (ascii !== 'GIF89a' && ascii !== 'GIF87a') throw new Error('not a GIF');
  let p = 13;
  const flags = bytes[10];
  if (flags & 0x80) p += 3 * (1 << ((flags & 7) + 1));
  const skipSubBlocks = () => {
    while (p < bytes.length && bytes[p] !== 0) p += bytes[p] + 1;
    p++;
  };
  let frames = 0;
  while (p < bytes.length) {
    const b = bytes[p++];
    if (b === 0x3b) return frames; // trailer
    if (b === 0x21) {
      p++; // label
      skipSubBlocks();
    } else if (b === 0x2c) {
      frames++;
      const f = bytes[p + 8];
      p += 9;
      if (f & 0x80) p += 3 * (1 << ((f & 7) + 1));
      p++; // LZW minimum code size
      skipSubBlocks();
    } else {
      throw new Error(`bad GIF block 0x${b.toString(16)} at ${p - 1}`);
    }
  }
  throw new Error('GIF has no trailer');
}
