import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { api } from '../api';
import { onActionResult } from '../api/transport';
import { userScopedKey } from './userScope';

/**
 * 长辈模式 (issue 8, MIIT 适老化): larger text and controls, one column, fewer words. The choice is remembered on
 * the server with the person (`me.prefs.elderMode`, null until chosen) and copied to local storage, so every page
 * renders in the right mode on its first frame; whatever `me` any page loads then corrects the copy.
 */
export type TElderChoice = boolean | null;

const KEY = 'elder-mode';
/** The class every page root carries in 长辈模式; src/elder.css hangs its rules under it. */
export const ELDER_CLASS = 'elder';

interface TState {
  /** What this person chose, as far as this phone knows; null = never chosen. */
  choice: TElderChoice;
  /** The server has answered `me` since the app started, saying the person never chose: offer the choice. */
  offer: boolean;
}

let memo: { key: string; state: TState } | null = null;
const listeners = new Set<(state: TState) => void>();

function read(): TState {
  const key = userScopedKey(KEY);
  if (memo?.key !== key) {
    // In H5 the dev panel can switch the person; their own copy applies (userScopedKey).
    const stored = Taro.getStorageSync(key) as unknown;
    memo = { key, state: { choice: typeof stored === 'boolean' ? stored : null, offer: false } };
  }
  return memo.state;
}

function write(next: TState): void {
  const key = userScopedKey(KEY);
  const before = read();
  if (next.choice !== before.choice) {
    if (next.choice === null) Taro.removeStorageSync(key);
    else Taro.setStorageSync(key, next.choice);
  }
  memo = { key, state: next };
  if (next.choice !== before.choice || next.offer !== before.offer) listeners.forEach((l) => l(next));
}

/**
 * What the server said wins when it holds a choice. When it holds none, a choice made on this phone stands (its save
 * may have failed; the next switch saves it again) and only a phone that never chose offers the choice.
 */
function fromServer(serverChoice: TElderChoice): void {
  const local = read().choice;
  if (serverChoice !== null) write({ choice: serverChoice, offer: false });
  else write({ choice: local, offer: local === null });
}

/**
 * H5 also marks <body>, so what lives outside the page root (Taro's H5 tab bar, the dev panel, Taro's modals) is
 * in the mode too; WeChat draws those natively. Each page root carries the class in both builds (PageShell).
 */
function markBody(state: TState): void {
  if (process.env.TARO_ENV === 'h5' && typeof document !== 'undefined') {
    document.body.classList.toggle(ELDER_CLASS, state.choice === true);
  }
}
listeners.add(markBody);
markBody(read());

// Any account answer carrying `me` (me, setCommunity, setPrefs, a composite first screen) updates the mode.
onActionResult((fn, _action, data) => {
  if (fn !== 'account' || !data || typeof data !== 'object') return;
  const me = (data as { me?: { prefs?: { elderMode?: TElderChoice } } }).me;
  if (me?.prefs && 'elderMode' in me.prefs) fromServer(me.prefs.elderMode ?? null);
});

/**
 * The person's choice, applied at once on this phone and then remembered on the server. A failed save keeps the
 * local choice on this phone and rethrows, so the caller can say so.
 */
export async function chooseElderMode(elderMode: boolean): Promise<void> {
  write({ choice: elderMode, offer: false });
  await api.account.setPrefs({ elderMode });
}

/** The mode as this phone knows it now (the hooks below follow it). */
export function elderState(): Readonly<TState> {
  return read();
}

function useElderState(): TState {
  const [state, setState] = useState(read);
  useEffect(() => {
    listeners.add(setState);
    setState(read()); // it may have changed between the first render and this subscription
    return () => {
      listeners.delete(setState);
    };
  }, []);
  return state;
}

/** For a page root: whether 长辈模式 is on, and the class to add (`''` when off). */
export function useElderMode(): { isElder: boolean; className: string } {
  const isElder = useElderState().choice === true;
  return { isElder, className: isElder ? ELDER_CLASS : '' };
}

/** True while the first-visit offer should show: the server says the person never chose, and neither did this phone. */
export function useElderOfferPending(): boolean {
  const state = useElderState();
  return state.offer && state.choice === null;
}
