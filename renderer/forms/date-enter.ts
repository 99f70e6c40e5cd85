/**
 * Enter in a date field picks the typed or highlighted date and nothing else. The dialogs' forms
 * save on Enter (a hidden submit button makes Enter in any field submit, like a desktop dialog),
 * and a date typed and confirmed with Enter used to save a half-filled dialog. Cancelling the key's
 * default action stops that implicit submission; the picker's own handler has run by then (React
 * listens at the root, below the document), so it still takes the date.
 */
export function keepEnterInDateFields(doc: Document): () => void {
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Enter' || e.isComposing || e.ctrlKey) return;
    const target = e.target;
    if (target instanceof Element && target.closest('.ant-picker') && target.closest('form')) e.preventDefault();
  };
  doc.addEventListener('keydown', onKeyDown);
  return () => doc.removeEventListener('keydown', onKeyDown);
}
