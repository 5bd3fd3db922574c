/** The roles a tappable View can take; each is announced and, in H5, clicked by Enter or Space (lib/h5-controls). */
type TTapRole = 'button' | 'link' | 'tab' | 'radio' | 'checkbox';

interface TTappableOptions {
  /** The accessible name, when the visible text alone would not say what the tap does (a whole card, an icon). */
  label?: string;
  role?: TTapRole;
  /** For tab, radio and checkbox roles: whether this one is the chosen one. */
  selected?: boolean;
}

/**
 * Spread onto a View that has an onClick, so it is a real control: role and name for screen readers, and in H5 a
 * place in the tab order (tabindex 0; lib/h5-controls turns Enter and Space into the click). WeChat reads
 * aria-role and aria-label on views; H5 reads role, tabIndex and aria-*.
 */
export function tappable({ label, role = 'button', selected }: TTappableOptions = {}): Record<string, unknown> {
  const state =
    selected === undefined ? {} : role === 'tab' ? { 'aria-selected': selected } : { 'aria-checked': selected };
  if (process.env.TARO_ENV === 'weapp') return { 'aria-role': role, ...(label ? { 'aria-label': label } : {}), ...state };
  return { role, tabIndex: 0, ...(label ? { 'aria-label': label } : {}), ...state };
}
