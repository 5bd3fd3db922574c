import { View } from '@tarojs/components';
import Taro, { useLoad, usePullDownRefresh, useReachBottom, useShareAppMessage } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import type { TCommunity, TGroupCard } from '../../../types';
import { GROUP_CATEGORY_LABELS, type TGroupCategory } from '../../../types/domain';
import { api, errorMessage } from '../../api';
import { CategoryChips } from '../../components/CategoryChips';
import { CommunityHeader } from '../../components/CommunityHeader';
import { DevPanelSlot } from '../../components/DevPanelSlot';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { ListFooter } from '../../components/ListFooter';
import { Loading } from '../../components/Loading';
import { go, ROUTES } from '../../lib/nav';
import { usePagedList, type TPagedList } from '../../lib/usePagedList';
import { readCachedCommunity, writeCachedCommunity, type TChosenCommunity } from '../../lib/community';
import { CircleList } from './CircleList';
import { CommunityChooser } from './CommunityChooser';
import { GroupCard } from './GroupCard';
import { HomeActions } from './HomeActions';
import { SearchBar } from './SearchBar';
import { PageShell } from '../../components/PageShell';
import { useFreshOnShow } from '../../lib/freshness';
import './index.css';

type TChosen = TChosenCommunity;

function DirectoryPageBody() {
  // The community is remembered on the server; a local copy lets the list load without waiting for `me`.
  const [community, setCommunity] = useState<TChosen | null>(null);
  const [meState, setMeState] = useState<'loading' | 'ready' | 'error'>('loading');
  const [meError, setMeError] = useState('');
  const [choosing, setChoosing] = useState(false);
  const [category, setCategory] = useState<TGroupCategory | undefined>(undefined);
  // The search in force ('' = none); it narrows whichever category chip is chosen.
  const [query, setQuery] = useState('');
  const [searchFocus, setSearchFocus] = useState(false);

  const fetchPage = useCallback(
    (cursor: string | undefined) =>
      community
        ? api.groups.directory({ communityId: community.id, category, q: query || undefined, cursor })
        : Promise.resolve({ items: [] as TGroupCard[], nextCursor: null }),
    [community, category, query],
  );
  const list = usePagedList(fetchPage);

  const loadMe = useCallback(async () => {
    setMeState('loading');
    try {
      const { me } = await api.account.me({});
      const fromServer = me.community ? { id: me.community.id, name: me.community.name } : null;
      writeCachedCommunity(fromServer);
      setCommunity((prev) => (prev?.id === fromServer?.id ? prev : fromServer));
      setMeState('ready');
    } catch (err) {
      setMeError(errorMessage(err));
      setMeState('error');
    }
  }, []);

  useLoad(() => {
    setCommunity(readCachedCommunity());
    void loadMe();
  });

  // A new community, category or search means a new first page.
  useEffect(() => {
    if (community) void list.reload();
  }, [community, category, query]); // eslint-disable-line react-hooks/exhaustive-deps

  // Shown again (back from a group, another tab): fresh after the person's own change, or when older than 30 s.
  const [shows, setShows] = useState(0);
  useFreshOnShow(
    () => {
      void loadMe();
      if (community) void list.refresh();
      setShows((n) => n + 1);
    },
    { skipFirst: true },
  );

  usePullDownRefresh(() => {
    void Promise.all([loadMe(), community ? list.reload() : Promise.resolve()]).finally(() => Taro.stopPullDownRefresh());
  });

  useReachBottom(() => {
    if (list.hasMore) void list.loadMore();
  });

  useShareAppMessage(() => ({
    title: community ? `${community.name}的社团` : '社区社团',
    path: ROUTES.directory,
  }));

  // 找社团 in the home band: bring the search box into view with the cursor in it.
  const findGroup = () => {
    setSearchFocus(false);
    setTimeout(() => setSearchFocus(true), 0);
    void Taro.pageScrollTo({ selector: '#directory-search', duration: 200 });
    if (process.env.TARO_ENV === 'h5') (document.querySelector('#directory-search input') as HTMLInputElement | null)?.focus();
  };

  const onChosen = (c: TCommunity) => {
    const chosen = { id: c.id, name: c.name };
    writeCachedCommunity(chosen);
    setChoosing(false);
    setCategory(undefined);
    setQuery('');
    setCommunity(chosen);
  };

  let body;
  if (choosing || (!community && meState === 'ready')) {
    body = (
      <CommunityChooser currentId={community?.id} onChosen={onChosen} onCancel={community ? () => setChoosing(false) : undefined} />
    );
  } else if (!community) {
    body = meState === 'error' ? <ErrorState message={meError} onRetry={() => void loadMe()} /> : <Loading />;
  } else {
    body = (
      <View>
        <CommunityHeader
          id='community-header'
          nameId='directory-community'
          name={community.name}
          sub='本社区已报备的社团与兴趣小组'
          switchId='btn-switch-community'
          onSwitch={() => setChoosing(true)}
        />
        <HomeActions onFindGroup={findGroup} />
        <SearchBar value={query} onSearch={setQuery} focus={searchFocus} />
        <View id='category-chips' className='directory__chips'>
          <CategoryChips value={category} onChange={setCategory} withAll idPrefix='chip' />
        </View>
        <GroupList list={list} query={query} category={category} onClearQuery={() => setQuery('')} onShowAll={() => setCategory(undefined)} />
        {!query && !category ? <CircleList communityId={community.id} reloadKey={shows} /> : null}
        <View id='btn-directory-needs' role='button' className='directory__needs' onClick={() => go(`${ROUTES.needs}?post=1`)}>
          没找到想参加的？点此「提需求」 ›
        </View>
      </View>
    );
  }

  return (
    <View className='page directory'>
      {body}
      <DevPanelSlot />
    </View>
  );
}

interface TGroupListProps {
  /** The category chip in force; an empty list then says the category has none, not the community. */
  category: TGroupCategory | undefined;
  onShowAll: () => void;
  list: TPagedList<TGroupCard>;
  query: string;
  onClearQuery: () => void;
}

function GroupList({ list, query, category, onClearQuery, onShowAll }: TGroupListProps) {
  if (list.loading && !list.loaded) return <Loading />;
  if (list.error && !list.loaded) return <ErrorState message={list.error} onRetry={() => void list.reload()} />;
  // While a new search loads, the old results would be misleading: say that it is searching.
  if (list.loading && query) return <Loading text='正在搜索…' />;
  if (list.loaded && list.items.length === 0) {
    if (query) {
      return (
        <EmptyState
          id='directory-no-results'
          text='没有找到相关组织'
          hint={`没有名称或简介含「${query}」的组织，可以换个词或换个类别试试`}
          actionText='清除搜索'
          onAction={onClearQuery}
        />
      );
    }
    if (category) {
      return (
        <EmptyState
          id='directory-empty'
          text={`这个社区还没有「${GROUP_CATEGORY_LABELS[category]}」类的社团`}
          hint='其他类别可能有，点下方看全部社团'
          actionText='看全部'
          onAction={onShowAll}
        />
      );
    }
    return <EmptyState id='directory-empty' text='这个社区还没有已报备的社团' hint='可以切换社区看看' />;
  }
  return (
    <View id='group-list'>
      {list.items.map((g) => (
        <GroupCard key={g.id} group={g} onOpen={(id) => go(ROUTES.groupDetail(id))} />
      ))}
      <ListFooter list={list} />
    </View>
  );
}

/** The page's root: the H5 title bar and back button (lib: components/PageShell), then the page itself. */
export default function DirectoryPage() {
  return (
    <PageShell>
      <DirectoryPageBody />
    </PageShell>
  );
}
