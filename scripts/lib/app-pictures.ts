// The app's pictures as data: the tab icons (outline and filled, 81×81) and the empty-state scene (360×225).
// scripts/make-icons.ts writes them; tests/scripts/app-pictures.test.ts checks the committed files are these bytes.
import { encodePng } from './png-encode';
import {
  above,
  circle,
  intersect,
  paint,
  roundRect,
  segment,
  stroke,
  subtract,
  triangle,
  union,
  type TLayer,
  type TShape,
} from './raster';

const GREY = '#5c5c5c'; // 6.6:1 on white; icons need 3:1
const BLUE = '#1f5fad'; // the tab bar's selectedColor
const SIZE = 81;
const LINE = 5;
const C = SIZE / 2;

const grow = (shape: TShape, by: number): TShape => (x, y) => shape(x, y) - by;

/** 社团: three people, the one in front larger. */
function group(filled: boolean): TShape {
  const head = circle(C, 29, 9.5);
  const bust = intersect(circle(C, 71, 21), above(65));
  const front = union(head, bust);
  const sides = union(circle(17, 31, 7), circle(64, 31, 7), intersect(union(circle(17, 61, 14.5), circle(64, 61, 14.5)), above(58)));
  if (filled) return union(front, subtract(sides, grow(front, 4.5)));
  return union(stroke(head, LINE), stroke(bust, LINE), subtract(stroke(sides, LINE), grow(front, LINE)));
}

/** 活动: a calendar page with its rings and a few days marked. */
function calendar(filled: boolean): TShape {
  const page = roundRect(12, 19, 69, 68, 8);
  const rings = union(segment(27, 11, 27, 25, LINE), segment(54, 11, 54, 25, LINE));
  const days = union(circle(27, 45, 3.6), circle(C, 45, 3.6), circle(54, 45, 3.6), circle(27, 57, 3.6), circle(C, 57, 3.6));
  if (filled) {
    const ringGaps = union(segment(27, 11, 27, 25, LINE + 7), segment(54, 11, 54, 25, LINE + 7));
    return union(subtract(page, union(ringGaps, days, roundRect(18, 33, 63, 36, 1.5))), rings);
  }
  return union(stroke(page, LINE), segment(12, 32, 69, 32, LINE), rings, days);
}

/** 我的: one person. */
function person(filled: boolean): TShape {
  const head = circle(C, 27, 12.5);
  const bust = intersect(circle(C, 78, 28), above(69));
  if (filled) return union(head, bust);
  return union(stroke(head, LINE), stroke(bust, LINE));
}

/** The empty-state picture: a calm community scene (a building, a tree, the sun) on a soft round backdrop. */
function emptyScene(): { width: number; height: number; layers: TLayer[] } {
  const W = 360;
  const H = 225;
  const ground = 182;
  return {
    width: W,
    height: H,
    layers: [
      { shape: circle(180, 112, 104), color: '#e8f0fb' },
      { shape: circle(268, 54, 18), color: '#f6c453' },
      // cloud
      { shape: union(circle(112, 58, 11), circle(127, 51, 14), circle(142, 59, 10), roundRect(102, 56, 152, 69, 6.5)), color: '#ffffff' },
      // building: walls, roof, door, windows
      { shape: roundRect(128, 104, 232, ground, 4), color: '#ffffff' },
      { shape: stroke(roundRect(128, 104, 232, ground, 4), 5), color: BLUE },
      { shape: triangle(116, 108, 180, 62, 244, 108), color: BLUE },
      { shape: roundRect(166, 140, 194, ground, 4), color: '#c9d6ea' },
      { shape: union(roundRect(142, 118, 160, 134, 3), roundRect(200, 118, 218, 134, 3)), color: '#c9d6ea' },
      // tree
      { shape: segment(84, 150, 84, ground, 7), color: '#8a5a2b' },
      { shape: union(circle(84, 132, 22), circle(72, 146, 14), circle(97, 146, 14)), color: '#4f9d5d' },
      // ground line
      { shape: segment(56, ground, 304, ground, 5), color: '#9fb6d6' },
      // a bench-sized shrub on the right
      { shape: union(circle(262, 174, 11), circle(276, 170, 13), circle(290, 175, 10)), color: '#7bbf86' },
    ],
  };
}

const TABS: [string, (filled: boolean) => TShape][] = [
  ['group', group],
  ['event', calendar],
  ['mine', person],
];

export interface TPicture {
  /** Path under src/assets. */
  file: string;
  width: number;
  height: number;
  png: Buffer;
}

function picture(file: string, width: number, height: number, layers: TLayer[]): TPicture {
  return { file, width, height, png: encodePng(width, height, paint(width, height, layers)) };
}

/** Every picture of the app, drawn afresh. */
export function drawAppPictures(): TPicture[] {
  const out: TPicture[] = [];
  for (const [name, draw] of TABS) {
    out.push(picture(`tab/${name}.png`, SIZE, SIZE, [{ shape: draw(false), color: GREY }]));
    out.push(picture(`tab/${name}-active.png`, SIZE, SIZE, [{ shape: draw(true), color: BLUE }]));
  }
  const scene = emptyScene();
  out.push(picture('empty.png', scene.width, scene.height, scene.layers));
  return out;
}
