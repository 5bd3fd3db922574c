import { Input, View } from '@tarojs/components';
import { useEffect, useRef, useState } from 'react';
import { GROUP_LIMITS } from '../../../types/form-limits';
import { FieldError } from '../../components/FieldError';
import { NO_CUT, textProblem } from '../../lib/field-limits';

/** The contract's limit on `q` (ZSearchQuery); zod-free, so the main package stays light. */
const QUERY_MAX = GROUP_LIMITS.query;
/** Long enough that a slow typist is not searched at every character, short enough to feel live. */
const DEBOUNCE_MS = 500;

interface TSearchBarProps {
  /** The query in force (trimmed); '' = no search. */
  value: string;
  onSearch: (query: string) => void;
  /** Puts the cursor in the box (the home band's 找社团). */
  focus?: boolean;
}

/** 搜索组织名称或简介: searches as the person pauses typing, at once on 搜索 (the keyboard's confirm), clears with 清除. */
export function SearchBar({ value, onSearch, focus = false }: TSearchBarProps) {
  const [text, setText] = useState(value);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const cancel = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  };
  useEffect(() => cancel, []);
  // The page may reset the search (e.g. a new community): show what is in force.
  useEffect(() => setText(value), [value]);

  const tooLong = textProblem('搜索内容', text, QUERY_MAX);
  const fire = (raw: string) => {
    cancel();
    const q = raw.trim();
    // A longer query is refused with words beside the box, never cut into another search.
    if (textProblem('搜索内容', q, QUERY_MAX)) return;
    if (q !== value) onSearch(q);
  };

  return (
    <View id='directory-search' className='search' role='search'>
      <Input
        className='input search__input'
        value={text}
        type='text'
        confirmType='search'
        focus={focus}
        maxlength={NO_CUT}
        ariaLabel='搜索组织名称或简介'
        nativeProps={{ 'aria-label': '搜索组织名称或简介' }}
        placeholder='搜索组织名称或简介'
        placeholderClass='placeholder'
        onInput={(e) => {
          const next = e.detail.value;
          setText(next);
          cancel();
          timer.current = setTimeout(() => fire(next), DEBOUNCE_MS);
        }}
        onConfirm={(e) => fire(e.detail.value)}
      />
      {text ? (
        <View
          id='btn-clear-search'
          className='search__clear'
          role='button'
          aria-label='清除搜索'
          onClick={() => {
            setText('');
            fire('');
          }}
        >
          清除
        </View>
      ) : null}
      <FieldError message={tooLong} />
    </View>
  );
}
