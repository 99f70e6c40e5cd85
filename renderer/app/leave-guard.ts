import { useEffect } from 'react';

/**
 * A page with work the clerk has not saved says so before the clerk leaves it from the menu: the
 * page registers what to ask while it has such work, and the shell asks before navigating away.
 * (The 导入 page's corrections are kept by the backend either way; the question is a reminder that
 * they are not in the registry yet.)
 */

const guards = new Map<string, string>();

/** While `message` is not null, leaving the page from the menu asks it first. */
export function useLeaveGuard(key: string, message: string | null): void {
  useEffect(() => {
    if (message === null) {
      guards.delete(key);
      return undefined;
    }
    guards.set(key, message);
    return () => {
      guards.delete(key);
    };
  }, [key, message]);
}

/** What to ask before leaving the current page, if anything. */
export function leaveQuestion(): string | null {
  const [first] = guards.values();
  return first ?? null;
}
