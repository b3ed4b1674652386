import type { SelectHTMLAttributes } from 'react';
import { SelectField, type Option } from './Field';

/** A list filter: its first option (value "", e.g. "Any status") leaves the filter off. */
export function FilterSelect({
  any,
  options,
  ...select
}: { label: string; any: string; options: Option[] } & SelectHTMLAttributes<HTMLSelectElement>) {
  return <SelectField {...select} options={[{ value: '', label: any }, ...options]} />;
}
