import {
  useId,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';

// Every input has a visible <label>; a validation message from the server
// sits right under its field and is tied to it with aria-describedby.

interface Common {
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
}

function useFieldIds(error: string | undefined, hint: string | undefined) {
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy =
    [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return { id, errorId, hintId, describedBy };
}

function FieldFrame(props: {
  id: string;
  label: string;
  hint?: string | undefined;
  hintId: string;
  error?: string | undefined;
  errorId: string;
  children: ReactNode;
}) {
  return (
    <div className={props.error ? 'field field-invalid' : 'field'}>
      <label htmlFor={props.id}>{props.label}</label>
      {props.hint ? (
        <span className="hint" id={props.hintId}>
          {props.hint}
        </span>
      ) : null}
      {props.children}
      {props.error ? (
        <span className="field-error" id={props.errorId}>
          {props.error}
        </span>
      ) : null}
    </div>
  );
}

export function TextField({
  label,
  error,
  hint,
  ...input
}: Common & InputHTMLAttributes<HTMLInputElement>) {
  const ids = useFieldIds(error, hint);
  return (
    <FieldFrame {...ids} label={label} hint={hint} error={error}>
      <input
        id={ids.id}
        aria-invalid={error ? true : undefined}
        aria-describedby={ids.describedBy}
        {...input}
      />
    </FieldFrame>
  );
}

export function TextArea({
  label,
  error,
  hint,
  ...input
}: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const ids = useFieldIds(error, hint);
  return (
    <FieldFrame {...ids} label={label} hint={hint} error={error}>
      <textarea
        id={ids.id}
        aria-invalid={error ? true : undefined}
        aria-describedby={ids.describedBy}
        rows={3}
        {...input}
      />
    </FieldFrame>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectField({
  label,
  error,
  hint,
  options,
  ...select
}: Common & { options: Option[] } & SelectHTMLAttributes<HTMLSelectElement>) {
  const ids = useFieldIds(error, hint);
  return (
    <FieldFrame {...ids} label={label} hint={hint} error={error}>
      <select
        id={ids.id}
        aria-invalid={error ? true : undefined}
        aria-describedby={ids.describedBy}
        {...select}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

export function CheckboxField({
  label,
  hint,
  error,
  ...input
}: Common & InputHTMLAttributes<HTMLInputElement>) {
  const { id, errorId, hintId, describedBy } = useFieldIds(error, hint);
  return (
    <div className={error ? 'field field-checkbox field-invalid' : 'field field-checkbox'}>
      <input
        id={id}
        type="checkbox"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        {...input}
      />
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <span className="hint hint-checkbox" id={hintId}>
          {hint}
        </span>
      ) : null}
      {error ? (
        <span className="field-error hint-checkbox" id={errorId}>
          {error}
        </span>
      ) : null}
    </div>
  );
}
