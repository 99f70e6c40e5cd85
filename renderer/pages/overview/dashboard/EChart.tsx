import { useEffect, useRef } from 'react';
import { registerChart } from './chart-hooks.ts';
import { usePrintImage } from './print-images.tsx';
import { echarts, type ChartInstance, type ChartOption } from './echarts-setup.ts';

export interface ChartClick {
  seriesIndex: number;
  dataIndex: number;
}

/** Width in pixels at which a chart is drawn for paper and for 导出图片 (twice that many pixels in the PNG). */
const IMAGE_WIDTH = 1000;

/**
 * The chart with its title drawn into it, off screen, at a fixed width: the picture that prints and
 * that 导出图片 saves. An image is never split across printed pages, and it does not depend on the
 * size of the window.
 */
function chartImage(option: ChartOption, title: string, height: number): string {
  const host = document.createElement('div');
  const chart = echarts.init(host, undefined, { renderer: 'canvas', width: IMAGE_WIDTH, height: height + 40 });
  const grid = (Array.isArray(option.grid) ? option.grid[0] : option.grid) ?? {};
  const legend = Array.isArray(option.legend) ? option.legend[0] : option.legend;
  chart.setOption({
    ...option,
    animation: false,
    title: { text: title, left: 'center', top: 4, textStyle: { fontSize: 16 } },
    grid: { ...grid, top: Number(grid.top ?? 16) + 40 },
    ...(legend ? { legend: { ...legend, top: 36 } } : {}),
  });
  const url = chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
  chart.dispose();
  return url;
}

/**
 * One ECharts chart (canvas renderer) that follows its container's size. Its picture (chartImage)
 * goes to the page's print column (print-images.tsx) and to `onImage` (导出图片).
 */
export function EChart({
  id,
  title,
  option,
  height,
  onClick,
  onImage,
}: {
  id: string;
  title: string;
  option: ChartOption;
  height: number;
  onClick?: (click: ChartClick) => void;
  onImage?: (dataUrl: string) => void;
}) {
  const host = useRef<HTMLDivElement>(null);
  const chartRef = useRef<ChartInstance | null>(null);
  const clickRef = useRef(onClick);
  clickRef.current = onClick;
  const imageRef = useRef(onImage);
  imageRef.current = onImage;
  const printImage = usePrintImage();

  useEffect(() => {
    const el = host.current;
    if (!el) return undefined;
    const chart = echarts.init(el, undefined, { renderer: 'canvas' });
    chartRef.current = chart;
    chart.on('click', (params) => {
      if (typeof params.seriesIndex === 'number' && typeof params.dataIndex === 'number') clickRef.current?.({ seriesIndex: params.seriesIndex, dataIndex: params.dataIndex });
    });
    // Hidden while the page prints (the image stands in): keep the chart at its screen size.
    const observer = new ResizeObserver(() => {
      if (el.clientWidth > 0 && el.clientHeight > 0) chart.resize();
    });
    observer.observe(el);
    const unregister = registerChart(id, chart);
    return () => {
      unregister();
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
    // The chart is made once per mount; its option follows below.
  }, [id]);

  useEffect(() => {
    chartRef.current?.setOption(option, { notMerge: true });
    const url = chartImage(option, title, height);
    printImage(id, url);
    imageRef.current?.(url);
  }, [id, option, title, height, printImage]);

  return (
    <div className="dashboard-chart" data-testid={`chart-${id}`}>
      <div ref={host} className="screen-only" style={{ width: '100%', height }} />
    </div>
  );
}
