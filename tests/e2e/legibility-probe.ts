// The in-page half of the legibility check. Kept as plain JavaScript source (not a function) because jest compiles
// test files with Babel, whose helpers would not exist inside the page that page.evaluate() runs this in.

export interface Offender {
  rule: 'font-size' | 'tap-target' | 'contrast';
  tag: string;
  /** id or first class, to find it in src/. */
  hook: string;
  text: string;
  /** e.g. "14.6px < 16px", "40.2px < 44px", "3.1:1 < 4.5:1 (#8a8a8a on #ffffff)". */
  detail: string;
}

export interface TLegibilityLimits {
  fontPx: number;
  /** Inside `.meta` (a secondary line). */
  secondaryFontPx: number;
  targetPx: number;
  contrast: number;
}

/** The standard floors: 16 px text (32 rpx), 44 px targets (88 rpx), WCAG AA. */
export const LIMITS: TLegibilityLimits = { fontPx: 16, secondaryFontPx: 14, targetPx: 44, contrast: 4.5 };
/** 长辈模式 (MIIT 适老化): 20 px text (40 rpx; secondary 18 px), 56 px controls (112 rpx), contrast unchanged. */
export const ELDER_LIMITS: TLegibilityLimits = { fontPx: 20, secondaryFontPx: 18, targetPx: 56, contrast: 4.5 };

/**
 * Measures the visible page (or what lies `within` a selector) with getComputedStyle and returns what falls short of
 * `limits` (LIMITS or ELDER_LIMITS):
 * - font-size of every visible element that carries text of its own (≥ 16px; ≥ 14px only inside `.meta`);
 * - height of every visible control people tap (buttons, inputs, anything with a tap role, our tappable cards) ≥ 44px;
 * - contrast of that text against the nearest opaque ancestor background, per WCAG 2 relative luminance, with
 *   ancestor opacity composited over what lies beneath (so a faded button counts as faded) — ≥ 4.5:1.
 * Really disabled controls are left out of the contrast rule, as WCAG does for inactive components.
 */
export const legibilityProbe = (limits: TLegibilityLimits = LIMITS, within = 'body'): string => `(() => {
  const LIMITS = ${JSON.stringify(limits)};
  const WITHIN = ${JSON.stringify(within)};
  const TAPPABLE = [
    'taro-button-core', 'taro-input-core', 'taro-textarea-core', 'taro-switch-core', '[role="button"]', '[role="radio"]', '[role="tab"]', '[role="switch"]',
    '[role="link"]', '.link', '.chip', '.picker-value', '.group-card', '.queue-item', '.filing-item', '.my-group',
    '.community-item', '.chooser__item', '.option', '.choice', '.nav-card', '.weui-tabbar__item', '.dev-panel-toggle',
    '.event-card', '.em__choice', '.cohost-option', '.rec__add',
  ].join(',');
  const offenders = [];

  const shown = (el) => {
    if (!el.checkVisibility({ checkVisibilityCSS: true })) return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  };
  const hook = (el) => (el.id ? '#' + el.id : el.classList.length ? '.' + el.classList[0] : '');
  const ownText = (el) => {
    // A checkbox's or switch's value ("on") is never shown; only text fields show theirs.
    if (el.tagName === 'INPUT' && ['checkbox', 'radio', 'hidden', 'range'].includes(el.type)) return '';
    if (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA') return el.value || el.getAttribute('placeholder') || '';
    let t = '';
    for (const n of el.childNodes) if (n.nodeType === 3) t += n.textContent;
    return t.trim();
  };
  const parse = (c) => {
    const m = c.match(/rgba?\\(([^)]+)\\)/);
    if (!m) return [0, 0, 0, 0];
    const p = m[1].split(/[ ,\\/]+/).filter(Boolean).map(Number);
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
  };
  const mix = (top, bottom, a) => [0, 1, 2].map((i) => top[i] * a + bottom[i] * (1 - a));
  const lum = (rgb) => {
    const [r, g, b] = rgb.map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const ratio = (a, b) => {
    const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
  };
  const hex = (rgb) => '#' + rgb.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('');

  /** The nearest ancestor (or self) with an opaque background; the page under it is white. */
  const opaqueBackground = (el) => {
    for (let n = el; n && n.nodeType === 1; n = n.parentElement) {
      const bg = parse(getComputedStyle(n).backgroundColor);
      if (bg[3] >= 1) return { node: n, rgb: bg.slice(0, 3) };
    }
    return { node: document.documentElement, rgb: [255, 255, 255] };
  };
  /** Product of opacities from el up to the root. */
  const opacityOf = (el) => {
    let o = 1;
    for (let n = el; n && n.nodeType === 1; n = n.parentElement) o *= Number(getComputedStyle(n).opacity);
    return o;
  };
  const reallyDisabled = (el) =>
    !!el.closest('[disabled]:not([disabled="false"]), .btn--busy, [aria-disabled="true"]');

  const all = Array.from(document.querySelectorAll(WITHIN + ' *')).filter(
    (el) => !['SCRIPT', 'STYLE', 'svg', 'path', 'TEMPLATE'].includes(el.tagName) && shown(el),
  );

  for (const el of all) {
    const text = ownText(el);
    if (!text) continue;
    const cs = getComputedStyle(el);
    const size = parseFloat(cs.fontSize);
    const floor = el.closest('.meta') ? LIMITS.secondaryFontPx : LIMITS.fontPx;
    if (size + 0.01 < floor) {
      offenders.push({ rule: 'font-size', tag: el.tagName.toLowerCase(), hook: hook(el), text: text.slice(0, 30), detail: size.toFixed(1) + 'px < ' + floor + 'px' });
    }
    // WCAG exempts inactive controls; a placeholder's colour is not the element's colour, so skip empty fields.
    if (reallyDisabled(el)) continue;
    if ((el.tagName === 'INPUT' || el.tagName === 'TEXTAREA') && !el.value) continue;
    const bg = opaqueBackground(el);
    const fg = parse(cs.color);
    let textRgb = mix(fg.slice(0, 3), bg.rgb, fg[3]);
    let bgRgb = bg.rgb;
    const faded = opacityOf(el);
    if (faded < 1) {
      // Opacity on an ancestor blends text and its background with whatever is beneath the faded element.
      const beneath = opaqueBackground(bg.node.parentElement || document.documentElement).rgb;
      textRgb = mix(textRgb, beneath, faded);
      bgRgb = mix(bgRgb, beneath, opacityOf(bg.node));
    }
    const r = ratio(textRgb, bgRgb);
    if (r + 0.005 < LIMITS.contrast) {
      offenders.push({ rule: 'contrast', tag: el.tagName.toLowerCase(), hook: hook(el), text: text.slice(0, 30), detail: r.toFixed(2) + ':1 < ' + LIMITS.contrast + ':1 (' + hex(textRgb) + ' on ' + hex(bgRgb) + ')' });
    }
  }

  for (const el of all) {
    if (!el.matches(TAPPABLE)) continue;
    const h = el.getBoundingClientRect().height;
    if (h + 0.5 < LIMITS.targetPx) {
      const label = (el.innerText || el.getAttribute('aria-label') || '').trim().replace(/\\s+/g, ' ');
      offenders.push({ rule: 'tap-target', tag: el.tagName.toLowerCase(), hook: hook(el), text: label.slice(0, 30), detail: h.toFixed(1) + 'px < ' + LIMITS.targetPx + 'px' });
    }
  }
  return offenders;
})()`;
