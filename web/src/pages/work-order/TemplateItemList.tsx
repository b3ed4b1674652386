import type { TemplateItemView } from '../../api/types.gen';
import { KIND_LABELS, type ItemKind } from './checklistKinds';

// A checklist template's items as the office keeps them (a work type's, on
// Checklists, or a named PM checklist's), each with its Remove button: the
// same words and order on both pages. Work orders copy the items in this
// order.
export function TemplateItemList({
  items,
  of,
  busy,
  onRemove,
}: {
  items: Pick<TemplateItemView, 'id' | 'label' | 'kind' | 'unit' | 'required'>[];
  /** The template's name, for each button's accessible name ("Remove X from Preventive"). */
  of: string;
  busy: boolean;
  onRemove: (id: number) => void;
}) {
  return (
    <>
      {items.length === 0 ? <p className="empty">No items.</p> : null}
      <ol className="checklist">
        {items.map((i) => (
          <li key={i.id} className="check-row">
            <span>{itemText(i)}</span>
            <button
              type="button"
              className="button-secondary"
              aria-label={`Remove ${i.label} from ${of}`}
              disabled={busy}
              onClick={() => onRemove(i.id)}
            >
              Remove
            </button>
          </li>
        ))}
      </ol>
    </>
  );
}

/** "Discharge pressure (psi) · A number … · required". */
export function itemText(i: Pick<TemplateItemView, 'label' | 'kind' | 'unit' | 'required'>) {
  return `${i.label}${i.unit ? ` (${i.unit})` : ''} · ${KIND_LABELS[i.kind as ItemKind]}${
    i.required ? ' · required' : ''
  }`;
}
