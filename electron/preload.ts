import { contextBridge, ipcRenderer } from 'electron';
import { METHOD_NAMES } from '../shared/api/contract.ts';
import { API_BRIDGE_KEY, ipcChannelFor } from '../shared/api/bridge.ts';

/**
 * Exposes exactly one function per contract method, nothing else: no ipcRenderer, no generic
 * send. The page cannot name a channel; it can only call methods the contract declares.
 */
const api: Record<string, (input: unknown) => Promise<unknown>> = {};
for (const name of METHOD_NAMES) {
  const channel = ipcChannelFor(name);
  api[name] = (input: unknown) => ipcRenderer.invoke(channel, input);
}
contextBridge.exposeInMainWorld(API_BRIDGE_KEY, Object.freeze(api));
