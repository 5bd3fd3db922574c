// 长辈模式 (issue 8, MIIT 适老化): no action may be reachable by a swipe or a long press only. Every element that
// listens to a gesture must also answer a plain tap, and drag-only components are refused outright.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const SRC = path.resolve(__dirname, '..', '..', 'src');
/** Handlers of a press held or a finger moved: each needs a tap path on the same element. */
const GESTURES = new Set(['onLongPress', 'onLongTap', 'onLongClick', 'onTouchStart', 'onTouchMove', 'onTouchEnd', 'onTouchCancel', 'onDragStart', 'onDrag', 'onChange']);
const TAPS = new Set(['onClick', 'onTap']);
/** Components whose only way to act is dragging or swiping; onChange on them is a swipe. */
const SWIPE_ONLY = new Set(['MovableArea', 'MovableView', 'Swiper', 'PageContainer']);

/** Every gesture-only spot in one file: `file:line <Tag> what`. */
function gestureOnlyActions(source: string, file: string): string[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isJsxOpeningElement(node) || ts.isJsxSelfClosingElement(node)) {
      const tag = node.tagName.getText(sf);
      const names = node.attributes.properties.flatMap((p) => (ts.isJsxAttribute(p) ? [p.name.getText(sf)] : []));
      const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
      if (SWIPE_ONLY.has(tag)) found.push(`${file}:${line} <${tag}> is swipe/drag only: offer buttons instead`);
      // onChange is an ordinary form event everywhere except on the swipe components above.
      const gestures = names.filter((n) => GESTURES.has(n) && n !== 'onChange');
      if (gestures.length > 0 && !names.some((n) => TAPS.has(n))) {
        found.push(`${file}:${line} <${tag}> ${gestures.join(', ')} without onClick`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(e.name) ? [full] : [];
  });
}

test('the check finds a long press, a swipe handler and a drag-only component without a tap, and accepts a tap beside them', () => {
  const bad = `
    export const A = () => <View onLongPress={del}>删除</View>;
    export const B = () => <View onTouchMove={slide} onTouchEnd={done} />;
    export const C = () => <MovableView onChange={drag} />;`;
  expect(gestureOnlyActions(bad, 'bad.tsx')).toEqual([
    'bad.tsx:2 <View> onLongPress without onClick',
    'bad.tsx:3 <View> onTouchMove, onTouchEnd without onClick',
    'bad.tsx:4 <MovableView> is swipe/drag only: offer buttons instead',
  ]);
  const good = `export const D = () => <View onLongPress={menu} onClick={menu}>更多</View>;
    export const E = () => <Input onChange={set} />;`;
  expect(gestureOnlyActions(good, 'good.tsx')).toEqual([]);
});

test('no action in src/ is reachable by a swipe or a long press only', () => {
  const files = sourceFiles(SRC);
  expect(files.length).toBeGreaterThan(50);
  const found = files.flatMap((f) => gestureOnlyActions(readFileSync(f, 'utf8'), path.relative(SRC, f)));
  expect(found).toEqual([]);
});
