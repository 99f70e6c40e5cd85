import { ConfigProvider } from 'antd';
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';

/**
 * How tightly tables and controls are packed. 紧凑 (antd size="small", one line per table row with
 * the whole text on hover) fits twice the roster rows on the common 1366×768 office screen; 标准
 * reads easier on a tall screen. 自动 picks 紧凑 while the window is less than 900 px tall. The
 * choice is this PC's, not the registry's: it is kept in the browser's storage, not the database.
 */
export const DENSITY_MODES = ['auto', 'compact', 'standard'] as const;
export type DensityMode = (typeof DENSITY_MODES)[number];
export const DENSITY_LABELS: Readonly<Record<DensityMode, string>> = { auto: '自动', compact: '紧凑', standard: '标准' };
/** Below this window height 自动 means 紧凑. */
export const COMPACT_BELOW_HEIGHT = 900;
const STORAGE_KEY = 'registry.density';
const BODY_CLASS = 'density-compact';

/**
 * Small tables a notch tighter than antd's own small size, through its tokens (the virtual tables
 * estimate row heights from them too): one line of 13 px text per row (its line height is the only padding).
 */
const COMPACT_THEME = { components: { Table: { cellPaddingBlockSM: 0, cellFontSizeSM: 13 } } };

interface Density {
  mode: DensityMode;
  compact: boolean;
  setMode: (mode: DensityMode) => void;
}

const DensityContext = createContext<Density>({ mode: 'auto', compact: false, setMode: () => undefined });

function storedMode(): DensityMode {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    return DENSITY_MODES.find((m) => m === raw) ?? 'auto';
  } catch {
    // Storage refused (a locked-down profile): the default applies.
    return 'auto';
  }
}

export function DensityProvider({ children }: { children: React.ReactNode }) {
  const [mode, setModeState] = useState<DensityMode>(storedMode);
  const [height, setHeight] = useState(() => window.innerHeight);
  useEffect(() => {
    const onResize = () => setHeight(window.innerHeight);
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  const compact = mode === 'compact' || (mode === 'auto' && height < COMPACT_BELOW_HEIGHT);
  useEffect(() => {
    // Page styles (cell padding, one-line cells, the page's margins) follow one class on <body>.
    document.body.classList.toggle(BODY_CLASS, compact);
  }, [compact]);
  const setMode = useCallback((next: DensityMode) => {
    setModeState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Not remembered, still applied.
    }
  }, []);
  const value = useMemo(() => ({ mode, compact, setMode }), [mode, compact, setMode]);
  return (
    <DensityContext.Provider value={value}>
      <ConfigProvider componentSize={compact ? 'small' : undefined} theme={compact ? COMPACT_THEME : undefined}>
        {children}
      </ConfigProvider>
    </DensityContext.Provider>
  );
}

export function useDensity(): Density {
  return useContext(DensityContext);
}
