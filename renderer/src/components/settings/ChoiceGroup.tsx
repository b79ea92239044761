import './ChoiceGroup.css';
// A labelled row of radio buttons drawn as a segmented control: arrow keys move between the
// options and a screen reader announces "radio, 2 of 3", as with any native radio group.

export interface Choice<T extends string> {
  value: T;
  label: string;
  lang?: string | undefined;
}

export function ChoiceGroup<T extends string>({
  legend,
  name,
  value,
  options,
  onChange,
}: {
  legend: string;
  name: string;
  value: T;
  options: ReadonlyArray<Choice<T>>;
  onChange: (value: T) => void;
}) {
  return (
    <fieldset className="choice-row">
      <legend className="choice-row__legend">{legend}</legend>
      <div className="choice-group">
        {options.map((option) => (
          <label key={option.value} className="choice-group__option" lang={option.lang}>
            <input
              type="radio"
              name={name}
              value={option.value}
              checked={option.value === value}
              onChange={() => onChange(option.value)}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
