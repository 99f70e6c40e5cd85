import type { ChartInstance } from './echarts-setup.ts';

/**
 * The overview's charts by name, for what needs the drawn chart rather than its data: turning it
 * into a PNG, and automation (the end-to-end tests click a bar at the point the chart reports for
 * it, as a clerk would). `window.__registryCharts[id].pixelOf(seriesIndex, [x, y])` is ECharts'
 * own convertToPixel for that series.
 */
interface ChartHandle {
  pixelOf(seriesIndex: number, value: [number | string, number | string]): number[];
}

type Registry = Record<string, ChartHandle>;

function registry(): Registry {
  const host = window as unknown as { __registryCharts?: Registry };
  host.__registryCharts ??= {};
  return host.__registryCharts;
}

export function registerChart(id: string, chart: ChartInstance): () => void {
  registry()[id] = { pixelOf: (seriesIndex, value) => chart.convertToPixel({ seriesIndex }, value) };
  return () => {
    delete registry()[id];
  };
}
