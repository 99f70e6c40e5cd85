import { Radio, Space, Typography } from 'antd';
import { COMPACT_BELOW_HEIGHT, DENSITY_LABELS, DENSITY_MODES, useDensity, type DensityMode } from '../../app/density.tsx';

const HINTS: Readonly<Record<DensityMode, string>> = {
  auto: `窗口高度低于 ${COMPACT_BELOW_HEIGHT} 像素时（如 1366×768 的显示器）用紧凑，否则用标准`,
  compact: '表格每行只显示一行文字，鼠标停在单元格上可看全文；按钮和输入框也更小，一屏能看到更多行',
  standard: '行距和按钮较大，长文字在表格中最多显示四行',
};

/** 设置 › 显示: the table density of this PC (renderer/app/density.tsx). */
export function DisplayPanel() {
  const { mode, compact, setMode } = useDensity();
  return (
    <Space orientation="vertical" size={12} style={{ maxWidth: 720 }}>
      <Typography.Text strong>表格密度</Typography.Text>
      <Radio.Group value={mode} onChange={(e) => setMode(e.target.value as DensityMode)} data-testid="density-mode">
        <Space orientation="vertical">
          {DENSITY_MODES.map((m) => (
            <Radio key={m} value={m}>
              <span data-testid={`density-${m}`}>{DENSITY_LABELS[m]}</span>
              <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                {HINTS[m]}
              </Typography.Text>
            </Radio>
          ))}
        </Space>
      </Radio.Group>
      <Typography.Text type="secondary" data-testid="density-current">
        当前：{compact ? '紧凑' : '标准'}。此设置保存在本机，不影响台账数据和其他电脑。
      </Typography.Text>
    </Space>
  );
}
