// The typings of ExcelJS's internal style modules; a reference, as they declare modules rather than export anything.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./exceljs-internals.d.ts" />
import { requirePackage } from '../lazy-package.ts';

/**
 * Excel's own escape for text that looks like a formula is the leading apostrophe: typing '=A1
 * stores the text "=A1" with `quotePrefix="1"` on the cell's format, so the cell shows =A1, keeps
 * it as text when edited, and never evaluates it. ExcelJS 4.4 cannot write that attribute; this
 * teaches its style table to, for a style model carrying `quotePrefix: true`. Applied once, before
 * the first workbook the program writes (the writer is the only module that imports this one).
 *
 * Two small wraps, no copy of ExcelJS code: the style table notes the flag while it registers a
 * model, and the <xf> element gets the attribute when it is rendered. A test reads styles.xml back.
 */

type Patched<T> = T & { __registryQuotePrefix?: boolean };

let applied = false;

/** Loads ExcelJS's style modules (with the first workbook written, not at start-up) and patches them once. */
export function enableQuotePrefixStyles(): void {
  if (applied) return;
  applied = true;
  const StylesXform = requirePackage<typeof import('exceljs/lib/xlsx/xform/style/styles-xform.js').default>('exceljs/lib/xlsx/xform/style/styles-xform.js');
  const StyleXform = requirePackage<typeof import('exceljs/lib/xlsx/xform/style/style-xform.js').default>('exceljs/lib/xlsx/xform/style/style-xform.js');

  const styles = StylesXform.prototype as Patched<typeof StylesXform.prototype>;
  // The originals are kept to be called with the right `this` (.call below): wrapping, not detaching.
  // eslint-disable-next-line @typescript-eslint/unbound-method
  const addStyleModel = styles.addStyleModel;
  // eslint-disable-next-line @typescript-eslint/unbound-method
  const addStyle = styles._addStyle;
  styles.addStyleModel = function (this: Patched<typeof styles>, model: unknown, cellType?: unknown): number {
    const quoted = typeof model === 'object' && model !== null && (model as { quotePrefix?: unknown }).quotePrefix === true;
    if (!quoted) return addStyleModel.call(this, model, cellType);
    this.__registryQuotePrefix = true;
    try {
      return addStyleModel.call(this, model, cellType);
    } finally {
      this.__registryQuotePrefix = false;
    }
  };
  styles._addStyle = function (this: Patched<typeof styles>, style: Record<string, unknown>): number {
    return addStyle.call(this, this.__registryQuotePrefix ? { ...style, quotePrefix: true } : style);
  };

  const xf = StyleXform.prototype;
  // eslint-disable-next-line @typescript-eslint/unbound-method -- called with .call(this) below
  const render = xf.render;
  xf.render = function (this: typeof xf, xmlStream, model) {
    if (model['quotePrefix'] !== true) {
      render.call(this, xmlStream, model);
      return;
    }
    // eslint-disable-next-line @typescript-eslint/unbound-method -- called with .call(xmlStream) below
    const openNode = xmlStream.openNode;
    xmlStream.openNode = (name, attributes) => openNode.call(xmlStream, name, name === 'xf' ? { ...attributes, quotePrefix: '1' } : attributes);
    try {
      render.call(this, xmlStream, model);
    } finally {
      xmlStream.openNode = openNode;
    }
  };
}
