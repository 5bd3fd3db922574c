import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import type { TWaiting } from '../../../types/account';
import { api } from '../../api';
import { CountBadge } from '../../components/CountBadge';
import { go, ROUTES } from '../../lib/nav';
import { showWaitingOnTab, waitingTotal } from '../../lib/waiting';
import './HomeActions.css';

interface TTile {
  id: string;
  icon: string;
  label: string;
  onTap: () => void;
  count?: number;
}

/**
 * What a person can do, at a glance, in one row above the directory: file a group, find a group, find an
 * activity, and what waits for them. The count comes from `account.waiting` (counters, ≤ 3 requests) after the
 * list's own call, so the directory's first screen never waits for it; it also sets the 我的 tab's badge.
 */
export function HomeActions({ onFindGroup }: { onFindGroup: () => void }) {
  const [waiting, setWaiting] = useState<TWaiting | null>(null);
  const inFlight = useRef(false);

  const load = () => {
    if (inFlight.current) return;
    inFlight.current = true;
    api.account
      .waiting({})
      .then(({ waiting: w }) => {
        setWaiting(w);
        showWaitingOnTab(w);
      })
      .catch(() => undefined) // the band works without its number
      .finally(() => {
        inFlight.current = false;
      });
  };
  // On mount (a child may miss its page's first show) and on every later show: a leader may have decided meanwhile.
  useEffect(load, []); // eslint-disable-line react-hooks/exhaustive-deps
  useDidShow(load);

  const total = waitingTotal(waiting);
  // Only filings wait (a social worker): straight to the queue. Otherwise 我的, where every badge is.
  const toWaiting = () =>
    waiting && waiting.reviews > 0 && waiting.joinRequests === 0 ? go(ROUTES.workbench) : void Taro.switchTab({ url: ROUTES.mine });

  const tiles: TTile[] = [
    { id: 'home-file', icon: '报', label: '报备社团', onTap: () => go(ROUTES.filingEdit()) },
    { id: 'home-find-group', icon: '找', label: '找社团', onTap: onFindGroup },
    { id: 'home-find-event', icon: '活', label: '找活动', onTap: () => void Taro.switchTab({ url: ROUTES.events }) },
    { id: 'home-waiting', icon: '待', label: '待我处理', onTap: toWaiting, count: total },
  ];

  return (
    <View id='home-actions' className='home-actions'>
      {tiles.map((t) => (
        <View
          key={t.id}
          id={t.id}
          className='home-action'
          role='button'
          onClick={t.onTap}
        >
          <View className='home-action__icon' aria-hidden='true'>
            <Text>{t.icon}</Text>
            {t.count ? (
              <View className='home-action__count'>
                <CountBadge id={`${t.id}-count`} count={t.count} label={t.label} />
              </View>
            ) : null}
          </View>
          <Text className='home-action__label'>{t.label}</Text>
        </View>
      ))}
    </View>
  );
}
