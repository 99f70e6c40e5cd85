import { useMemo } from 'react';
import type { Dashboard } from '../../../../shared/api/methods/reports.ts';
import { navigate } from '../../../app/use-hash-route.ts';
import { ChartCard } from './ChartCard.tsx';
import { EChart } from './EChart.tsx';
import { CJK_FONT, type ChartOption } from './echarts-setup.ts';

/** How many agencies have published their catalog and lists; a bar opens them under 发布情况. */
export function PublicationChart({ publications, agencies }: { publications: Dashboard['publications']; agencies: number }) {
  const bars = useMemo(
    () => [
      { label: '已发布', filter: '已发布', value: publications.published, color: '#52c41a' },
      { label: '其中即将到期', filter: '即将到期', value: publications.expiringSoon, color: '#fa8c16' },
      { label: '已失效', filter: '已失效', value: publications.expired, color: '#f5222d' },
      { label: '未发布', filter: '未发布', value: publications.unpublished, color: '#8c8c8c' },
    ],
    [publications],
  );
  const option = useMemo<ChartOption>(
    () => ({
      textStyle: { fontFamily: CJK_FONT },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: bars.map((b) => b.label) },
      yAxis: { type: 'value', minInterval: 1, max: Math.max(agencies, 1), name: '单位' },
      series: [{ type: 'bar', name: '执法单位', barMaxWidth: 48, label: { show: true, position: 'top' }, data: bars.map((b) => ({ value: b.value, itemStyle: { color: b.color } })) }],
    }),
    [bars, agencies],
  );
  return (
    <ChartCard title="“一目录四清单”发布情况" hint={`${agencies} 个执法单位，按各单位最近一份发布文件；点击柱子查看这些单位。`} testId="dashboard-publication">
      {(onImage) => (
        <EChart
          id="publication-status"
          title="“一目录四清单”发布情况"
          option={option}
          height={240}
          onImage={onImage}
          onClick={({ dataIndex }) => {
            const bar = bars[dataIndex];
            if (bar) navigate(`/catalog/publications?status=${encodeURIComponent(bar.filter)}`);
          }}
        />
      )}
    </ChartCard>
  );
}
