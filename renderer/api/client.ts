import { API_BRIDGE_KEY } from '../../shared/api/bridge.ts';
import { METHOD_NAMES, type MethodName, type RegistryApi } from '../../shared/api/contract.ts';
import type { ApiError, Result } from '../../shared/api/result.ts';
import { WEB_TOKEN_FRAGMENT, WEB_TOKEN_HEADER, WEB_TOKEN_STORAGE_KEY } from '../../shared/api/web-access.ts';

type Transport = (method: MethodName, input: unknown) => Promise<Result<unknown>>;
type Bridge = Readonly<Record<string, (input: unknown) => Promise<Result<unknown>>>>;

/** Electron: the preload's bridge (one function per method). */
function bridgeTransport(bridge: Bridge): Transport {
  return (method, input) => {
    const fn = bridge[method];
    if (!fn) return Promise.resolve({ ok: false, error: { code: 'UNKNOWN_METHOD', message: `桌面程序不支持：${method}` } });
    return fn(input);
  };
}

const UNREACHABLE: ApiError = { code: 'INTERNAL', message: '无法连接到程序后台，请确认执法台账仍在运行（命令行窗口未关闭）。' };

/**
 * Browser: the web host's address carries this launch's access token (#token=…). It is moved into
 * sessionStorage (this tab only, gone when the tab closes) and taken out of the address bar before
 * anything else reads the address, so it is not bookmarked, shared or kept in the history.
 */
function captureAccessToken(): void {
  const prefix = `#${WEB_TOKEN_FRAGMENT}=`;
  if (!window.location.hash.startsWith(prefix)) return;
  const token = decodeURIComponent(window.location.hash.slice(prefix.length));
  if (token) window.sessionStorage.setItem(WEB_TOKEN_STORAGE_KEY, token);
  window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}#/`);
}

/** Browser: the loopback web host. */
const httpTransport: Transport = async (method, input) => {
  let response: Response;
  try {
    response = await fetch(`api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [WEB_TOKEN_HEADER]: window.sessionStorage.getItem(WEB_TOKEN_STORAGE_KEY) ?? '' },
      body: JSON.stringify(input ?? {}),
    });
  } catch {
    return { ok: false, error: UNREACHABLE };
  }
  try {
    return (await response.json()) as Result<unknown>;
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: `后台返回了无法识别的响应（HTTP ${response.status}）` } };
  }
};

function pickTransport(): Transport {
  const bridge = (window as unknown as Record<string, unknown>)[API_BRIDGE_KEY] as Bridge | undefined;
  if (bridge) return bridgeTransport(bridge);
  captureAccessToken();
  return httpTransport;
}

/** Fired when a call is refused because the program is locked: the sign-in screen comes up. */
export const LOCKED_EVENT = 'registry:locked';

const picked = pickTransport();
const transport: Transport = async (method, input) => {
  const result = await picked(method, input);
  if (!result.ok && result.error.code === 'LOCKED') window.dispatchEvent(new Event(LOCKED_EVENT));
  return result;
};

export const isDesktop = (window as unknown as Record<string, unknown>)[API_BRIDGE_KEY] !== undefined;

/** The typed API: `await api['units.list']({})` → Result. Nothing else in the renderer reaches the backend. */
export const api = Object.fromEntries(METHOD_NAMES.map((name) => [name, (input: unknown) => transport(name, input)])) as unknown as RegistryApi;

export class ApiCallError extends Error {
  readonly error: ApiError;

  constructor(error: ApiError) {
    super(error.message);
    this.name = 'ApiCallError';
    this.error = error;
  }
}

/** Resolves to the value or throws ApiCallError carrying the clerk-facing message. */
export async function unwrap<T>(pending: Promise<Result<T>>): Promise<T> {
  const result = await pending;
  if (!result.ok) throw new ApiCallError(result.error);
  return result.value;
}

export function errorMessage(err: unknown): string {
  if (err instanceof ApiCallError) return err.error.message;
  return '操作失败：发生了意外错误';
}
