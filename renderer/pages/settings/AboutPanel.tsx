import { Descriptions, Skeleton } from 'antd';
import { api } from '../../api/client.ts';
import { useApi } from '../../api/use-api.ts';

const HOST_LABELS = { electron: '桌面程序', web: '本机浏览器（127.0.0.1）', cli: '命令行' } as const;
const PLATFORM_LABELS: Record<string, string> = { win32: 'Windows', linux: 'Linux', darwin: 'macOS' };
const ARCH_LABELS: Record<string, string> = { x64: 'x64（64 位 Intel/AMD/兆芯/海光）', arm64: 'arm64（64 位 ARM，如飞腾、鲲鹏）' };

/** “Windows · x64（…）”: which installer this is, so IT staff know which file to bring for an update. */
function platformLabel(platform: string, arch: string): string {
  return `${PLATFORM_LABELS[platform] ?? platform} · ${ARCH_LABELS[arch] ?? arch}`;
}

export function AboutPanel() {
  const { data } = useApi(() => api['system.info']({}), 'about');
  if (!data) return <Skeleton active />;
  return (
    <Descriptions column={1} bordered size="small" labelStyle={{ width: 160 }}>
      <Descriptions.Item label="程序">{data.appName}</Descriptions.Item>
      <Descriptions.Item label="版本">{data.version}</Descriptions.Item>
      <Descriptions.Item label="运行方式">{HOST_LABELS[data.host]}</Descriptions.Item>
      <Descriptions.Item label="系统与架构">{platformLabel(data.platform, data.arch)}</Descriptions.Item>
      <Descriptions.Item label="数据库版本">{data.schemaVersion}</Descriptions.Item>
      <Descriptions.Item label="数据文件夹">{data.dataDir}</Descriptions.Item>
      <Descriptions.Item label="数据库文件">{data.databasePath}</Descriptions.Item>
      <Descriptions.Item label="备份文件夹">{data.backupDir}</Descriptions.Item>
      <Descriptions.Item label="今天">{data.today}</Descriptions.Item>
    </Descriptions>
  );
}
