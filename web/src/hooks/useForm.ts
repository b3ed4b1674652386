import { useState, type FormEvent } from 'react';
import { useAction, type Action } from './useAction';

type Values = Record<string, string>;

/** The props that bind a TextField, TextArea or SelectField to one value. */
export interface BoundField {
  value: string;
  onChange: (e: { target: { value: string } }) => void;
  error: string | undefined;
}

export interface Form<T extends Values> {
  values: T;
  set: (key: keyof T, value: string) => void;
  /** Back to the initial values (after a successful create). */
  reset: () => void;
  /** Value, change handler and the server's message for the field named like the body's key. */
  field: (key: keyof T & string) => BoundField;
  /** The form's onSubmit: no page load, then the action. */
  submit: (e: FormEvent) => void;
  action: Action<[]>;
}

/**
 * A form's text values and its submit action in one place: each field is
 * `<TextField label="Email" {...form.field('email')} />`, and the server's
 * validation message for `email` appears under it. `perform` gets the values
 * and `set`/`reset` (to clear the form after a create).
 */
export function useForm<T extends Values>(
  initial: T,
  perform: (values: T, form: Pick<Form<T>, 'set' | 'reset'>) => Promise<unknown>,
): Form<T> {
  const [values, setValues] = useState<T>(initial);
  const set = (key: keyof T, value: string) => setValues((v) => ({ ...v, [key]: value }));
  const reset = () => setValues(initial);
  const action = useAction(() => perform(values, { set, reset }));
  return {
    values,
    set,
    reset,
    field: (key) => ({
      value: values[key] ?? '',
      onChange: (e) => set(key, e.target.value),
      error: action.fieldErrors[key],
    }),
    submit: (e) => {
      e.preventDefault();
      void action.run();
    },
    action,
  };
}
