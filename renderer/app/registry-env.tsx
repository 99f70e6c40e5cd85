import { Button, Result, Spin } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { AppInfo } from '../../shared/api/methods/system.ts';
import type { RegistrySettings } from '../../shared/domain/settings.ts';
import { api, errorMessage, unwrap } from '../api/client.ts';

/**
 * What every page needs from the backend before it can render anything right: the program's
 * information, whose `today` is the registry's one clock, and the clerk's settings (the expiry
 * window, the exam pass mark, validity periods …).
 *
 * The renderer never asks the browser for today's date: the backend decides what "today" is (the
 * PC's local date, or REGISTRY_TODAY for tests and training), and a step dated "today" in a dialog
 * must be the same day the backend checks it against. The lint forbids `dayjs()`, `new Date()` and
 * `Date.now()` in renderer/ for that reason.
 */

interface RegistryEnv {
  info: AppInfo;
  settings: RegistrySettings;
  /** Loads both again, e.g. after the settings were saved or sample data was generated. */
  reload: () => Promise<void>;
}

const RegistryEnvContext = createContext<RegistryEnv | null>(null);

/** How often the program information is asked again, so a window left open overnight moves to the new day. */
const REFRESH_EVERY_MS = 60_000;

async function loadEnv(): Promise<{ info: AppInfo; settings: RegistrySettings }> {
  const [info, settings] = await Promise.all([unwrap(api['system.info']({})), unwrap(api['settings.get']({}))]);
  return { info, settings };
}

export function RegistryEnvProvider({ children }: { children: ReactNode }) {
  const [env, setEnv] = useState<{ info: AppInfo; settings: RegistrySettings }>();
  const [failure, setFailure] = useState<string>();

  const reload = useCallback(async () => {
    try {
      setEnv(await loadEnv());
      setFailure(undefined);
    } catch (err) {
      setFailure(errorMessage(err));
    }
  }, []);

  useEffect(() => {
    void reload();
    const refresh = () => {
      if (document.visibilityState === 'visible') void reload();
    };
    const timer = window.setInterval(refresh, REFRESH_EVERY_MS);
    window.addEventListener('focus', refresh);
    document.addEventListener('visibilitychange', refresh);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('focus', refresh);
      document.removeEventListener('visibilitychange', refresh);
    };
  }, [reload]);

  const value = useMemo(() => (env ? { ...env, reload } : null), [env, reload]);

  if (!value) {
    if (failure) {
      return (
        <Result
          status="error"
          title="无法读取程序信息"
          subTitle={failure}
          extra={
            <Button type="primary" onClick={() => void reload()}>
              重试
            </Button>
          }
        />
      );
    }
    return (
      <div style={{ display: 'flex', height: '100vh', alignItems: 'center', justifyContent: 'center' }}>
        <Spin size="large" description="正在打开台账…">
          <div style={{ width: 200, height: 80 }} />
        </Spin>
      </div>
    );
  }
  return <RegistryEnvContext.Provider value={value}>{children}</RegistryEnvContext.Provider>;
}

function useRegistryEnv(): RegistryEnv {
  const env = useContext(RegistryEnvContext);
  if (!env) throw new Error('useRegistryEnv outside RegistryEnvProvider');
  return env;
}

/** The registry's today (YYYY-MM-DD), from the backend's clock. */
export function useToday(): string {
  return useRegistryEnv().info.today;
}

/** The registry's today as a Dayjs, for date pickers (default values, no dates after today). */
export function useTodayDayjs(): Dayjs {
  const today = useToday();
  return useMemo(() => dayjs(today), [today]);
}

/** The clerk's settings (设置 › 业务规则), as the backend applies them. */
export function useSettings(): RegistrySettings {
  return useRegistryEnv().settings;
}

export function useAppInfo(): AppInfo {
  return useRegistryEnv().info;
}

/** Reloads the program information and settings (after saving settings, generating sample data …). */
export function useReloadRegistryEnv(): () => Promise<void> {
  return useRegistryEnv().reload;
}
