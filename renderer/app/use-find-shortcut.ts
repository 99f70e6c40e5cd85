import { useEffect, type RefObject } from 'react';

interface Focusable {
  focus: () => void;
  select?: () => void;
}

/** How many mounted pages have a search box of their own (the header's search leaves Ctrl+F to them). */
let pageFindTargets = 0;

/** True while the page shown has its own search box, which Ctrl+F focuses. */
export function pageHasOwnFind(): boolean {
  return pageFindTargets > 0;
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
    pageFindTargets += 1;
    window.addEventListener('keydown', onKey);
    return () => {
      pageFindTargets -= 1;
      window.removeEventListener('keydown', onKey);
    };
  }, [target]);
}
