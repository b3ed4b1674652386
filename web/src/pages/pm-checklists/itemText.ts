import type { TemplateItemView } from '../../api/types.gen';
import { KIND_LABELS, type ItemKind } from '../work-order/checklistKinds';

/** "Discharge pressure (psi) · Number · required", as the work-type checklists show an item. */
export function itemText(i: Pick<TemplateItemView, 'label' | 'kind' | 'unit' | 'required'>) {
  return `${i.label}${i.unit ? ` (${i.unit})` : ''} · ${KIND_LABELS[i.kind as ItemKind]}${
    i.required ? ' · required' : ''
  }`;
}
