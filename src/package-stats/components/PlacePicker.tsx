import { View } from '@tarojs/components';
import type { TDashboardLevel, TDashboardPlace } from '../../../types/stats';
import { DASHBOARD_LEVEL_LABELS } from '../../../types/stats-vocab';

/**
 * The places the person may open, grouped 区 / 街道 / 社区, as chips (a social worker with one community sees one).
 * Chip ids are `place-<level>-<id>`.
 */
export function PlacePicker({ places, level, placeId, onPick }: { places: TDashboardPlace[]; level: TDashboardLevel; placeId: string; onPick: (p: TDashboardPlace) => void }) {
  const levels = (['district', 'street', 'community'] as const).filter((l) => places.some((p) => p.level === l));
  return (
    <View id='place-picker' className='st__picker'>
      {levels.map((l) => (
        <View key={l} className='st__picker-group'>
          <View className='st__picker-label'>{DASHBOARD_LEVEL_LABELS[l]}</View>
          <View className='chips chips--wrap' role='radiogroup' aria-label={DASHBOARD_LEVEL_LABELS[l]}>
            {places
              .filter((p) => p.level === l)
              .map((p) => {
                const active = p.level === level && p.id === placeId;
                return (
                  <View
                    key={p.id}
                    id={`place-${p.level}-${p.id}`}
                    role='radio'
                    aria-checked={active}
                    className={active ? 'chip chip--active' : 'chip'}
                    onClick={() => onPick(p)}
                  >
                    {p.name}
                  </View>
                );
              })}
          </View>
        </View>
      ))}
    </View>
  );
}
