import { useMemo } from 'react';
import type { Dashboard } from '../../../../shared/api/methods/reports.ts';
import { LIST_KIND_SHORT_LABELS, LIST_KINDS } from '../../../../shared/domain/list-kinds.ts';
import { navigate } from '../../../app/use-hash-route.ts';
import { ChartCard } from './ChartCard.tsx';
import { EChart } from './EChart.tsx';
import { CJK_FONT, type ChartOption } from './echarts-setup.ts';

const SERIES = [
  { key: 'general', label: '一般检查事项', color: '#1677ff' },
  { key: 'key', label: '重点检查事项', color: '#003eb3' },
  ...LIST_KINDS.map((k, i) => ({ key: k, label: LIST_KIND_SHORT_LABELS[k], color: ['#13c2c2', '#52c41a', '#faad14', '#eb2f96'][i] ?? '#999' })),
] as const;

/** Each agency's inspection items and list items; a segment opens that agency's catalog or list. */
export function CatalogChart({ agencies }: { agencies: Dashboard['agencies'] }) {
  const option = useMemo<ChartOption>(
    () => ({
      textStyle: { fontFamily: CJK_FONT },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0, itemWidth: 14, itemHeight: 10 },
      grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: agencies.map((a) => a.shortName ?? a.name), axisLabel: { interval: 0 } },
      series: SERIES.map((s) => ({
        type: 'bar',
        name: s.label,
        stack: 'catalog',
        barMaxWidth: 18,
        itemStyle: { color: s.color },
        emphasis: { focus: 'series' },
        data: agencies.map((a) => a.counts[s.key]),
      })),
    }),
    [agencies],
  );
  return (
    <ChartCard title="各执法单位检查事项与清单" hint="点击色块打开该单位的检查事项目录或相应清单。" testId="dashboard-catalog">
      {(onImage) => (
        <EChart
          id="catalog-by-agency"
          title="各执法单位检查事项与清单"
          option={option}
          height={agencies.length * 22 + 70}
          onImage={onImage}
          onClick={({ seriesIndex, dataIndex }) => {
            const agency = agencies[dataIndex];
            const series = SERIES[seriesIndex];
            if (!agency || !series) return;
            navigate(series.key === 'general' || series.key === 'key' ? `/catalog?unit=${agency.unitId}` : `/lists/${series.key}?unit=${agency.unitId}`);
          }}
        />
      )}
    </ChartCard>
  );
}
