import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppShell } from './app/App.tsx';
import { DatabaseGate } from './app/database-gate.tsx';
import { DensityProvider } from './app/density.tsx';
import { RegistryEnvProvider } from './app/registry-env.tsx';
import { SessionGate } from './app/session-gate.tsx';
import { keepEnterInDateFields } from './forms/date-enter.ts';
import './styles/global.css';

dayjs.locale('zh-cn');
keepEnterInDateFields(document);

const FONT_FAMILY =
  "'Microsoft YaHei', '微软雅黑', 'PingFang SC', 'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', 'Hiragino Sans GB', -apple-system, 'Segoe UI', sans-serif";

const root = document.getElementById('root');
if (!root) throw new Error('missing #root');

createRoot(root).render(
  <StrictMode>
    <ConfigProvider locale={zhCN} theme={{ token: { fontFamily: FONT_FAMILY, colorPrimary: '#1d4f91', borderRadius: 4, fontSize: 14 } }}>
      <DensityProvider>
        <AntApp>
          <RegistryEnvProvider>
            <SessionGate>
              <DatabaseGate>
                <AppShell />
              </DatabaseGate>
            </SessionGate>
          </RegistryEnvProvider>
        </AntApp>
      </DensityProvider>
    </ConfigProvider>
  </StrictMode>,
);
