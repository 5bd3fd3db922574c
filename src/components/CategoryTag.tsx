import { GROUP_CATEGORY_LABELS, type TGroupCategory } from '../../types/domain';
import { CATEGORY_LOOK } from '../lib/category-look';
import { Tag } from './Tag';

export function CategoryTag({ category, id }: { category: TGroupCategory; id?: string }) {
  return (
    <Tag tone={CATEGORY_LOOK[category].tone} id={id} className='category-tag'>
      {GROUP_CATEGORY_LABELS[category]}
    </Tag>
  );
}
