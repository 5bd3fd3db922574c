import { Button, View } from '@tarojs/components';
import type { TPagedList } from '../lib/usePagedList';

/** Shared by every paginated list: a visible 「加载更多」 for people who do not think to scroll further. */
interface TListFooterProps {
  list: Pick<TPagedList<unknown>, 'hasMore' | 'loadingMore' | 'error' | 'loadMore'>;
  /** Id of 「加载更多」; a page with two lists gives the second its own. */
  moreId?: string;
}

export function ListFooter({ list, moreId = 'btn-load-more' }: TListFooterProps) {
  if (list.loadingMore) return <View className='list-footer'>正在加载…</View>;
  if (list.error) {
    return (
      <View className='list-footer'>
        <View className='field-error'>{list.error}</View>
        <Button className='btn btn--ghost' onClick={() => void list.loadMore()}>
          重试
        </Button>
      </View>
    );
  }
  if (list.hasMore) {
    return (
      <View className='list-footer'>
        <Button id={moreId} className='btn btn--ghost' onClick={() => void list.loadMore()}>
          加载更多
        </Button>
      </View>
    );
  }
  return <View className='list-footer'>没有更多了</View>;
}
