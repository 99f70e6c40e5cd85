/** The name under which the Electron preload exposes the API on `window`. */
export const API_BRIDGE_KEY = 'registryApi';

/** One IPC channel per method, so the main process can check each channel's name exactly. */
export function ipcChannelFor(method: string): string {
  return `registry:${method}`;
}
