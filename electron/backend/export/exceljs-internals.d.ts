/**
 * The two ExcelJS 4.4 classes the adapter extends (quote-prefix.ts). ExcelJS publishes no types for
 * its internals; these declare only the members the adapter touches.
 */

declare module 'exceljs/lib/xlsx/xform/style/styles-xform.js' {
  interface StylesXform {
    addStyleModel(model: unknown, cellType?: unknown): number;
    _addStyle(style: Record<string, unknown>): number;
  }
  const StylesXform: { prototype: StylesXform };
  export default StylesXform;
}

declare module 'exceljs/lib/xlsx/xform/style/style-xform.js' {
  interface XmlStream {
    openNode(name: string, attributes?: Record<string, unknown>): void;
  }
  interface StyleXform {
    render(xmlStream: XmlStream, model: Record<string, unknown>): void;
  }
  const StyleXform: { prototype: StyleXform };
  export default StyleXform;
}
