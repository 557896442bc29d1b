// A text input with suggestions from the API (a native <datalist>: keyboard and screen-reader friendly).
import { useId } from 'react';
import { useSuggestions } from '../../useSuggestions.js';

interface Props {
  label: string;
  name: string;
  value: string;
  placeholder?: string;
  onChange: (value: string) => void;
  /** Called when the value is exactly one of the suggestions (picked from the list). */
  onPick: (value: string) => void;
  suggest: (query: string, signal: AbortSignal) => Promise<string[]>;
  deps?: readonly unknown[];
}

export function SuggestField(props: Props) {
  const id = useId();
  const { items, error } = useSuggestions(props.value.trim(), props.suggest, props.deps);
  return (
    <div className="field">
      <label htmlFor={`${id}-input`}>{props.label}</label>
      <input
        id={`${id}-input`}
        name={props.name}
        list={`${id}-list`}
        autoComplete="off"
        placeholder={props.placeholder}
        value={props.value}
        onChange={(e) => {
          props.onChange(e.target.value);
          if (items.includes(e.target.value)) props.onPick(e.target.value);
        }}
      />
      <datalist id={`${id}-list`}>
        {items.map((item) => (
          <option key={item} value={item} />
        ))}
      </datalist>
      {error && (
        <span className="field-error" role="alert">
          Suggestions unavailable: {error}
        </span>
      )}
    </div>
  );
}
