import Taro from '@tarojs/taro';
import { userScopedKey } from '../lib/userScope';
import type { TFilingForm } from './form-model';

/** What survives the app being closed mid-typing: the form, and how to find its server draft again. */
export interface TLocalCopy {
  form: TFilingForm;
  filingId: string | null;
  requestId: string;
  /** True when the form holds changes the server has not confirmed yet. */
  unsaved: boolean;
  at: number;
}

const key = (filingId: string | undefined) => userScopedKey(`filing-form:${filingId ?? 'new'}`);

export function readLocalCopy(filingId: string | undefined): TLocalCopy | null {
  try {
    const value = Taro.getStorageSync(key(filingId)) as TLocalCopy | '';
    return value && typeof value === 'object' && value.form ? value : null;
  } catch {
    return null;
  }
}

export function writeLocalCopy(filingId: string | undefined, copy: TLocalCopy): void {
  try {
    Taro.setStorageSync(key(filingId), copy);
  } catch {
    // Storage full or unavailable: the server draft still holds the last autosave.
  }
}

export function removeLocalCopy(filingId: string | undefined): void {
  try {
    Taro.removeStorageSync(key(filingId));
  } catch {
    // Nothing to clean up.
  }
}

/** 16+ characters of [A-Za-z0-9_-], as the contract's `requestId` requires; unique enough per device. */
export function mintRequestId(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';
  let id = Date.now().toString(36);
  while (id.length < 24) id += alphabet[Math.floor(Math.random() * alphabet.length)];
  return id;
}
