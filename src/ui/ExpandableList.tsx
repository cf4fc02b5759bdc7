import type { ComponentChildren } from 'preact';
import { useId, useState } from 'preact/hooks';

interface Props<T> {
  items: readonly T[];
  /** The few shown until the reader asks for all. */
  initial: readonly T[];
  keyOf: (item: T) => string;
  renderItem: (item: T) => ComponentChildren;
  listClass: string;
  moreLabel: string;
  lessLabel: string;
}

/** A list that shows a few items first and the rest on demand, behind a disclosure button. */
export function ExpandableList<T>({ items, initial, keyOf, renderItem, listClass, moreLabel, lessLabel }: Props<T>) {
  const [expanded, setExpanded] = useState(false);
  const id = useId();
  const shown = expanded ? items : initial;
  return (
    <>
      <ol id={id} class={listClass}>
        {shown.map((item) => (
          <li key={keyOf(item)}>{renderItem(item)}</li>
        ))}
      </ol>
      {items.length > initial.length && (
        <button type="button" class="secondary" aria-expanded={expanded} aria-controls={id} onClick={() => setExpanded(!expanded)}>
          {expanded ? lessLabel : moreLabel}
        </button>
      )}
    </>
  );
}
