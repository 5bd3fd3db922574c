import { Text } from '@tarojs/components';
import type { ReactNode } from 'react';

/**
 * The tones of every tag in the app, each a tint with a text colour at WCAG AA (≥ 4.5:1) on it, and a few solid ones
 * for what must stand out (党支部, 示范, 我已报名). Colour is never the only signal: a tag always says its word.
 */
export type TTagTone = 'blue' | 'green' | 'amber' | 'orange' | 'red' | 'grey' | 'purple' | 'teal' | 'solid-blue' | 'solid-green' | 'solid-red';

interface TTagProps {
  tone: TTagTone;
  id?: string;
  /** Extra hooks for tests or a page's own placement; the look comes from the tone. */
  className?: string;
  children: ReactNode;
}

/** One tag style for the whole app: same height, padding, radius and spacing, so tags in a row never touch. */
export function Tag({ tone, id, className, children }: TTagProps) {
  return (
    <Text id={id} className={`tag tag--${tone}${className ? ` ${className}` : ''}`}>
      {children}
    </Text>
  );
}
