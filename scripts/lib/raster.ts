// Shapes as signed distance functions (negative inside), painted in order with 4×4 supersampling for smooth edges.
// Enough for the app's line icons and its small empty-state pictures; coordinates are in the picture's own pixels.

export type TShape = (x: number, y: number) => number;

export const circle = (cx: number, cy: number, r: number): TShape => (x, y) => Math.hypot(x - cx, y - cy) - r;

export const roundRect = (x0: number, y0: number, x1: number, y1: number, r: number): TShape => (x, y) => {
  const hx = (x1 - x0) / 2 - r;
  const hy = (y1 - y0) / 2 - r;
  const qx = Math.abs(x - (x0 + x1) / 2) - hx;
  const qy = Math.abs(y - (y0 + y1) / 2) - hy;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
};

/** A line from (ax, ay) to (bx, by) with round ends, `width` wide. */
export const segment = (ax: number, ay: number, bx: number, by: number, width: number): TShape => (x, y) => {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy)) - width / 2;
};

/** Triangle through three points (for roofs and the like). */
export const triangle = (ax: number, ay: number, bx: number, by: number, cx: number, cy: number): TShape => {
  const edges: [number, number, number, number][] = [
    [ax, ay, bx, by],
    [bx, by, cx, cy],
    [cx, cy, ax, ay],
  ];
  const sign = Math.sign((bx - ax) * (cy - ay) - (by - ay) * (cx - ax));
  return (x, y) => {
    let inside = true;
    let d = Infinity;
    for (const [px, py, qx, qy] of edges) {
      if (sign * ((qx - px) * (y - py) - (qy - py) * (x - px)) < 0) inside = false;
      d = Math.min(d, segment(px, py, qx, qy, 0)(x, y));
    }
    return inside ? -d : d;
  };
};

export const union = (...shapes: TShape[]): TShape => (x, y) => Math.min(...shapes.map((s) => s(x, y)));
export const intersect = (...shapes: TShape[]): TShape => (x, y) => Math.max(...shapes.map((s) => s(x, y)));
export const subtract = (a: TShape, b: TShape): TShape => (x, y) => Math.max(a(x, y), -b(x, y));
/** The part of the plane above the line y = y0. */
export const above = (y0: number): TShape => (_x, y) => y - y0;
/** The outline of a shape, `width` wide, centred on its edge. */
export const stroke = (shape: TShape, width: number): TShape => (x, y) => Math.abs(shape(x, y)) - width / 2;

export interface TLayer {
  shape: TShape;
  /** '#rrggbb' */
  color: string;
  opacity?: number;
}

function rgb(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

const SUB = 4;
const HALF_DIAGONAL = Math.SQRT1_2;

/** Paints the layers (first at the bottom) onto a transparent canvas and returns RGBA bytes. */
export function paint(width: number, height: number, layers: TLayer[]): Uint8Array {
  const out = new Uint8Array(width * height * 4);
  const parsed = layers.map((l) => ({ ...l, rgb: rgb(l.color), opacity: l.opacity ?? 1 }));
  for (let py = 0; py < height; py++) {
    for (let px = 0; px < width; px++) {
      // Premultiplied colour and alpha, "over" compositing per layer.
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (const layer of parsed) {
        // Our shapes never overstate the distance to their edge, so a pixel whose centre is farther from it than
        // half its diagonal is wholly in or out: no need to sample it 16 times (same result, far faster).
        const centre = layer.shape(px + 0.5, py + 0.5);
        let hits = centre > HALF_DIAGONAL ? 0 : centre < -HALF_DIAGONAL ? SUB * SUB : -1;
        if (hits < 0) {
          hits = 0;
          for (let sy = 0; sy < SUB; sy++) {
            for (let sx = 0; sx < SUB; sx++) {
              if (layer.shape(px + (sx + 0.5) / SUB, py + (sy + 0.5) / SUB) <= 0) hits++;
            }
          }
        }
        if (hits === 0) continue;
        const la = (hits / (SUB * SUB)) * layer.opacity;
        r = layer.rgb[0] * la + r * (1 - la);
        g = layer.rgb[1] * la + g * (1 - la);
        b = layer.rgb[2] * la + b * (1 - la);
        a = la + a * (1 - la);
      }
      const i = (py * width + px) * 4;
      if (a > 0) {
        out[i] = Math.round(r / a);
        out[i + 1] = Math.round(g / a);
        out[i + 2] = Math.round(b / a);
        out[i + 3] = Math.round(a * 255);
      }
    }
  }
  return out;
}
