// electron-builder looks for its configuration in this file; it is kept in electron/tools/builder-config.ts.
export { default } from './electron/tools/builder-config.ts';
