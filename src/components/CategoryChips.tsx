import { GROUP_CATEGORIES, GROUP_CATEGORY_LABELS, type TGroupCategory } from '../../types/domain';
import { CATEGORY_LOOK } from '../lib/category-look';
import { ChipRow, type TChipOption } from './ChipRow';

interface TCategoryChipsProps {
  value: TGroupCategory | undefined;
  onChange: (value: TGroupCategory | undefined) => void;
  /** With 「全部」 for filters (one row that scrolls); without it when one category must be chosen (all shown at once). */
  withAll?: boolean;
  idPrefix: string;
}

const OPTIONS: TChipOption<TGroupCategory>[] = GROUP_CATEGORIES.map((c) => ({
  value: c,
  label: GROUP_CATEGORY_LABELS[c],
  dotTone: CATEGORY_LOOK[c].tone,
}));
const WITH_ALL: TChipOption<TGroupCategory | undefined>[] = [{ value: undefined, label: '全部' }, ...OPTIONS];

export function CategoryChips({ value, onChange, withAll, idPrefix }: TCategoryChipsProps) {
  return (
    <ChipRow<TGroupCategory | undefined>
      options={withAll ? WITH_ALL : OPTIONS}
      value={value}
      onChange={onChange}
      idPrefix={idPrefix}
      keyOf={(v) => v ?? 'all'}
      layout={withAll ? 'row' : 'wrap'}
    />
  );
}
