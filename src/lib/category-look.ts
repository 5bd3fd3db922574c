import type { TGroupCategory } from '../../types/domain';
import type { TTagTone } from '../components/Tag';

/**
 * How each group category looks, in one place: the tone of its tag and chip dot, and the character on a card's badge.
 * Colours tell categories apart at a glance; the label is always written beside them.
 */
export const CATEGORY_LOOK: Record<TGroupCategory, { tone: TTagTone; glyph: string }> = {
  culture_sports: { tone: 'purple', glyph: '文' },
  life_service: { tone: 'teal', glyph: '服' },
  charity: { tone: 'red', glyph: '善' },
  mutual_aid: { tone: 'amber', glyph: '助' },
  community_affairs: { tone: 'blue', glyph: '议' },
  other: { tone: 'grey', glyph: '群' },
};
