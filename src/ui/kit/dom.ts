/** A small helper to build DOM trees without a framework. */

type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined | ((e: Event) => void)>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs?: Attrs | null,
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v === undefined || v === null || v === false) continue;
    if (typeof v === 'function') el.addEventListener(k.slice(2).toLowerCase(), v);
    else if (k === 'class') el.className = String(v);
    else if (k === 'value' && 'value' in el) (el as HTMLInputElement).value = String(v);
    else if (k === 'checked' || k === 'selected' || k === 'disabled') {
      (el as unknown as Record<string, boolean>)[k] = true;
      el.setAttribute(k, '');
    } else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children);
  return el;
}

export function append(el: Element, children: (Child | Child[])[]): void {
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === 'number' ? String(c) : c);
  }
}

/** Replaces an element's children. */
export function fill(el: Element, ...children: (Child | Child[])[]): void {
  el.replaceChildren();
  append(el, children);
}

let ids = 0;
/** A fresh id for label/aria wiring. */
export const uid = (prefix: string): string => `${prefix}-${++ids}`;

/** A signed number for changes: "+3", "−2", "±0". */
export function signed(x: number): string {
  const r = Math.round(x);
  return r > 0 ? `+${r}` : r < 0 ? `−${-r}` : '±0';
}

/** A group of labelled radio buttons (to put in a fieldset with a legend), one per choice. */
export function radios<T>(
  name: string,
  choices: readonly (readonly [T, string])[],
  current: T | undefined,
  onchange: (value: T) => void,
): HTMLElement[] {
  return choices.map(([value, label]) => {
    const id = uid('r');
    return h(
      'label',
      { for: id },
      h('input', {
        type: 'radio',
        id,
        name,
        value: String(value),
        checked: value === current,
        onchange: () => onchange(value),
      }),
      ` ${label}`,
    );
  });
}
