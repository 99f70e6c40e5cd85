import { useMemo } from 'react';
import type { Dashboard } from '../../../../shared/api/methods/reports.ts';
import { navigate } from '../../../app/use-hash-route.ts';
import { ChartCard } from './ChartCard.tsx';
import { EChart } from './EChart.tsx';
import { CJK_FONT, STATUS_COLORS, type ChartOption } from './echarts-setup.ts';

const monthLabel = (month: string) => `${month.slice(2, 4)}年${Number(month.slice(5, 7))}月`;

/** Cards in force expiring in each of the next 24 months; a bar opens those people. */
export function ExpiryChart({ expiries, warningDays }: { expiries: Dashboard['expiries']; warningDays: number }) {
  const option = useMemo<ChartOption>(
    () => ({
      textStyle: { fontFamily: CJK_FONT },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: expiries.map((m) => monthLabel(m.month)), axisLabel: { interval: 1, rotate: 45 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          type: 'bar',
          name: '到期人数',
          barMaxWidth: 22,
          itemStyle: { color: STATUS_COLORS.expiring },
          label: { show: true, position: 'top', formatter: (p) => (typeof p.value === 'number' && p.value > 0 ? String(p.value) : '') },
          data: expiries.map((m) => m.count),
        },
      ],
    }),
    [expiries],
  );
  return (
    <ChartCard title="今后 24 个月证件到期人数" hint={`按月统计有效证件的到期人数（到期前 ${warningDays} 天起显示为“即将到期”）；点击柱子查看当月到期的人员。`} testId="dashboard-expiry">
      {(onImage) => (
        <EChart
          id="expiry-by-month"
          title="今后 24 个月证件到期人数"
          option={option}
          height={260}
          onImage={onImage}
          onClick={({ dataIndex }) => {
            const m = expiries[dataIndex];
            if (m) navigate(`/personnel?expFrom=${m.from}&expTo=${m.to}`);
          }}
        />
      )}
    </ChartCard>
  );
}
