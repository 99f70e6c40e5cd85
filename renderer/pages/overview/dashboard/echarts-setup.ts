import { BarChart, type BarSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type TitleComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

/**
 * ECharts with only what the overview draws: bar charts (stacked or not), axes, tooltip, legend
 * and (on the printed picture) a title, rendered to canvas. Importing per chart type keeps the bundle small.
 */
echarts.use([BarChart, GridComponent, TooltipComponent, LegendComponent, TitleComponent, CanvasRenderer]);

export type ChartOption = echarts.ComposeOption<BarSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption | TitleComponentOption>;
export type ChartInstance = echarts.ECharts;
export { echarts };

/** The colours of the status groups, as the roster's status tags use them. */
export const STATUS_COLORS = {
  valid: '#52c41a',
  expiring: '#fa8c16',
  expired: '#f5222d',
  suspendedOrRevoked: '#722ed1',
  cancelled: '#bfbfbf',
  pending: '#1677ff',
  none: '#595959',
} as const;

export const CJK_FONT = "'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', 'Source Han Sans SC', sans-serif";
