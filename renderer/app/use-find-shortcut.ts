import { useEffect, type RefObject } from 'react';

interface Focusable {
  focus: () => void;
  select?: () => void;
}

/** Ctrl+F (⌘F on a Mac) focuses the page's own search box instead of the browser's find bar. */
export function useFindShortcut(target: RefObject<Focusable | null>): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'f') {
        if (!target.current) return;
        event.preventDefault();
        target.current.focus();
        target.current.select?.();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [target]);
}
