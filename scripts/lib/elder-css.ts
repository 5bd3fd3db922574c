// 长辈模式's size floors, derived from the app's own stylesheets: every rule that sets a font-size below the elder
// floor, or a control height below the elder target, gets a `.elder <same selector>` twin that lifts it. Derived, not
// hand-kept, because 146 font-size rules live in 20 files that other changes restyle; a test fails when it is stale.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import postcss, { type Rule } from 'postcss';

/** Design-width px (750): 40 = 20 px on the phone, 36 = 18 px for secondary `.meta` lines, 112 = 56 px controls. */
export const ELDER_FLOORS = { fontPx: 40, secondaryFontPx: 36, controlPx: 112 } as const;
/** A min-height from here up to the floor is a control's (icons and pictures set a fixed height instead). */
const CONTROL_HEIGHT_FROM = 64;

export const ELDER_CSS_FILE = 'src/elder-sizes.css';
/** The generated file's name, in src/ (the main package's floors) and in each subpackage's folder (its own). */
const ELDER_CSS_NAME = path.basename(ELDER_CSS_FILE);

/** Our own stylesheets that pages use; the generated file is not an input (elder.css is: its own sizes are lifted too). */
export function sourceStylesheets(repoRoot: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.css') && entry.name !== ELDER_CSS_NAME) out.push(full);
    }
  };
  walk(path.join(repoRoot, 'src'));
  return out.sort();
}

export interface TElderCssTarget {
  /** Repo-relative path of the generated file. */
  file: string;
  /** The stylesheets whose floors it holds. */
  sources: string[];
}

/**
 * Where the floors go: a subpackage's stylesheets get their twins in that subpackage's own file (imported by its
 * pages), everything else in src/elder-sizes.css (imported by app.tsx). One file for all would put every
 * subpackage's selectors in the main package, whose 400 KiB budget they pushed over.
 */
export function elderCssTargets(repoRoot: string): TElderCssTarget[] {
  const byFile = new Map<string, string[]>();
  for (const sheet of sourceStylesheets(repoRoot)) {
    const pkg = /^src\/(package-[\w-]+)\//.exec(path.relative(repoRoot, sheet).split(path.sep).join('/'));
    const file = pkg ? `src/${pkg[1]}/${ELDER_CSS_NAME}` : ELDER_CSS_FILE;
    if (!byFile.has(file)) byFile.set(file, []);
    byFile.get(file)!.push(sheet);
  }
  return [...byFile].map(([file, sources]) => ({ file, sources })).sort((a, b) => a.file.localeCompare(b.file));
}

/** A px length, literal or through a custom property the stylesheets define (`var(--text-small)` → 32). */
function pxOf(value: string, vars: Map<string, string>, depth = 0): number | null {
  const v = value.trim();
  const literal = /^(-?\d+(?:\.\d+)?)px$/.exec(v);
  if (literal) return Number(literal[1]);
  const ref = /^var\(\s*(--[\w-]+)\s*(?:,\s*(.+))?\)$/.exec(v);
  if (!ref || depth > 4) return null;
  const defined = vars.get(ref[1]!);
  if (defined !== undefined) return pxOf(defined, vars, depth + 1);
  return ref[2] ? pxOf(ref[2], vars, depth + 1) : null;
}

/**
 * `.x .y` → `.elder .x .y`; the page itself (`page`, `.taro_page`) → the elder root. A page root (`.page`) may carry
 * the class itself or sit inside an element that does (H5 puts it on body too), so it gets both forms.
 */
function underElder(selector: string): string[] {
  const s = selector.trim();
  if (s === 'page' || s === '.taro_page' || s === 'body' || s === 'html') return ['.elder'];
  if (/^\.page(?![\w-])/.test(s)) return [`.elder${s}`, `.elder ${s}`];
  return [`.elder ${s}`];
}

const isSecondary = (selector: string) => /\.meta(?![\w-])/.test(selector);
type TParent = { type: string; name?: string; parent?: TParent };
const insideKeyframes = (rule: Rule) => {
  for (let p = rule.parent as TParent | undefined; p; p = p.parent) if (p.type === 'atrule' && /keyframes/.test(p.name ?? '')) return true;
  return false;
};

/** The generated stylesheet's text for the given files (relative names go into its header). */
export function buildElderCss(repoRoot: string, files = sourceStylesheets(repoRoot), varFiles = sourceStylesheets(repoRoot)): string {
  const fonts = new Map<number, Set<string>>();
  const controls = new Set<string>();
  const parse = (file: string) => postcss.parse(readFileSync(file, 'utf8'), { from: file });
  const roots = files.map(parse);
  // Custom properties as the stylesheets first define them (app.css sets the sizes on the page, for every package).
  const vars = new Map<string, string>();
  for (const root of [...new Set([...varFiles, ...files])].map(parse)) {
    root.walkDecls(/^--/, (decl) => void (vars.has(decl.prop) || vars.set(decl.prop, decl.value)));
  }
  for (const root of roots) {
    root.walkRules((rule) => {
      if (insideKeyframes(rule)) return;
      for (const selector of rule.selectors) {
        rule.walkDecls((decl) => {
          const value = pxOf(decl.value, vars);
          if (value === null) return;
          if (decl.prop === 'font-size') {
            const floor = isSecondary(selector) ? ELDER_FLOORS.secondaryFontPx : ELDER_FLOORS.fontPx;
            if (value < floor) {
              if (!fonts.has(floor)) fonts.set(floor, new Set());
              for (const s of underElder(selector)) fonts.get(floor)!.add(s);
            }
          } else if (decl.prop === 'min-height' && value >= CONTROL_HEIGHT_FROM && value < ELDER_FLOORS.controlPx) {
            for (const s of underElder(selector)) controls.add(s);
          }
        });
      }
    });
  }
  const block = (selectors: Set<string>, body: string) => `${[...selectors].sort().join(',\n')} {\n  ${body}\n}\n`;
  const parts = [
    '/* Generated by `npx tsx scripts/make-elder-css.ts` from the stylesheets under src/: do not edit.',
    ` * 长辈模式 floors (design px): text ${ELDER_FLOORS.fontPx}, secondary .meta ${ELDER_FLOORS.secondaryFontPx}, controls ${ELDER_FLOORS.controlPx}.`,
    ' * Each selector is the original one under .elder, one class more specific, so it wins in both builds. */',
    '',
  ];
  for (const floor of [...fonts.keys()].sort((a, b) => b - a)) parts.push(block(fonts.get(floor)!, `font-size: ${floor}px;`));
  if (controls.size > 0) parts.push(block(controls, `min-height: ${ELDER_FLOORS.controlPx}px;`));
  return parts.join('\n');
}
