/**
 * H5 only (required from app.tsx behind the literal TARO_ENV check, so none of it ships to WeChat, whose native
 * button and aria-role views already have semantics). Two gaps of Taro's H5 components, closed in one place:
 * - `taro-button-core` is a bare custom element with no role. Every one gets role="button" (and aria-disabled while
 *   it is really disabled), whoever rendered it. Its place in the tab order comes with the first Tab key press
 *   (keyboard mode), not before: a TAPPED button that can take focus holds it, and when its page is left with 返回,
 *   Taro 4.2.1's router keeps the tab page underneath shaded (invisible) — measured in events-journey.test.ts.
 *   A person who taps never turns keyboard mode on; a person who uses Tab reaches every button.
 * - A View given a control role (role="button", tappable(), a radio chip, a tab) is still a custom element: not
 *   focusable, deaf to Enter and Space. Every one gets tabindex 0, and those keys click it, as on a native <button>.
 * - Taro's page container is the scrolling region: it joins the tab order, so a keyboard can scroll it.
 * - showModal's box is plain divs: it becomes an alertdialog named by its title, its two choices buttons (and its
 *   colours readable: h5-controls.css).
 */
import './h5-controls.css';

const KEY_ROLES = '[role="button"], [role="link"], [role="tab"], [role="radio"], [role="checkbox"], [role="switch"]';

function isDisabled(el: Element): boolean {
  const value = el.getAttribute('disabled');
  return value !== null && value !== 'false';
}

/** Turned on by the first Tab key press: from then on Taro's buttons are in the tab order too. */
let keyboardMode = false;

function markButton(el: Element): void {
  if (el.getAttribute('role') !== 'button') el.setAttribute('role', 'button');
  if (isDisabled(el)) {
    if (el.getAttribute('aria-disabled') !== 'true') el.setAttribute('aria-disabled', 'true');
    if (el.getAttribute('tabindex') === '0') el.removeAttribute('tabindex');
  } else {
    if (el.hasAttribute('aria-disabled')) el.removeAttribute('aria-disabled');
    if (keyboardMode && !el.hasAttribute('tabindex')) el.setAttribute('tabindex', '0');
  }
}

/** A view with a control role joins the tab order, unless it says it is disabled. */
function markRoled(el: Element): void {
  if (el.hasAttribute('tabindex') || el.getAttribute('aria-disabled') === 'true') return;
  el.setAttribute('tabindex', '0');
}

const MODAL_TITLE_ID = 'taro-modal-title';

/** Taro's showModal box (created once, then shown and hidden): a dialog named by its title, with real buttons. */
function markModal(el: Element): void {
  if (el.getAttribute('role') === 'alertdialog') return;
  el.setAttribute('role', 'alertdialog');
  el.setAttribute('aria-modal', 'true');
  const title = el.querySelector('.taro-modal__title');
  if (title) {
    title.id = MODAL_TITLE_ID;
    el.setAttribute('aria-labelledby', MODAL_TITLE_ID);
  }
  el.querySelectorAll('.taro-model__btn').forEach((b) => {
    b.setAttribute('role', 'button');
    b.setAttribute('tabindex', '0');
  });
}

/** Taro's page container scrolls; a keyboard must be able to reach it to scroll it (WCAG 2.1.1). */
function markPage(el: Element): void {
  if (!el.hasAttribute('tabindex')) el.setAttribute('tabindex', '0');
}

function mark(el: Element): void {
  if (el.tagName === 'TARO-BUTTON-CORE') markButton(el);
  else if (el.classList.contains('taro_page')) markPage(el);
  else if (el.classList.contains('taro-modal__content')) markModal(el);
  else if (el.matches(KEY_ROLES)) markRoled(el);
}

function markAll(root: ParentNode): void {
  root.querySelectorAll('taro-button-core').forEach(markButton);
  root.querySelectorAll('.taro-modal__content').forEach(markModal);
  root.querySelectorAll('.taro_page').forEach(markPage);
  root.querySelectorAll(KEY_ROLES).forEach((el) => el.tagName !== 'TARO-BUTTON-CORE' && markRoled(el));
}

export function installH5Controls(): void {
  if (typeof document === 'undefined') return;
  markAll(document);
  new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'attributes') {
        mark(r.target as Element);
        continue;
      }
      r.addedNodes.forEach((n) => {
        if (n.nodeType !== 1) return;
        mark(n as Element);
        markAll(n as Element);
      });
    }
  }).observe(document.documentElement, { subtree: true, childList: true, attributes: true, attributeFilter: ['disabled', 'role'] });

  // Capture phase, before the browser moves focus: this very Tab already reaches the buttons.
  document.addEventListener(
    'keydown',
    (e) => {
      if (e.key !== 'Tab' || keyboardMode) return;
      keyboardMode = true;
      document.querySelectorAll('taro-button-core').forEach(markButton);
    },
    true,
  );

  document.addEventListener('keydown', (e) => {
    if (e.key !== 'Enter' && e.key !== ' ') return;
    const target = e.target as Element | null;
    if (!target || !target.matches(KEY_ROLES) || isDisabled(target) || target.getAttribute('aria-disabled') === 'true') return;
    e.preventDefault(); // Space would scroll the page
    (target as HTMLElement).click();
  });
}
