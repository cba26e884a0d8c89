/**
 * A value that says when it changes: the part of a nanostores atom the widget needs (`get`, `set`, `listen`), in a few lines,
 * shared by the boot and the panel. `$`-prefixed stores hold state; the actions beside them change it; components only render.
 */
export interface Store<T> {
  get(): T;
  set(value: T): void;
  /** Calls `listener` after each change; returns the function that stops it. */
  listen(listener: (value: T) => void): () => void;
}

export function store<T>(initial: T): Store<T> {
  let value = initial;
  const listeners = new Set<(value: T) => void>();
  return {
    get: () => value,
    set(next) {
      if (next === value) return;
      value = next;
      for (const listener of listeners) listener(value);
    },
    listen(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
