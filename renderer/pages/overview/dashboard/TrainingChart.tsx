import { useMemo } from 'react';
import type { Dashboard } from '../../../../shared/api/methods/reports.ts';
import { navigate } from '../../../app/use-hash-route.ts';
import { ChartCard } from './ChartCard.tsx';
import { EChart } from './EChart.tsx';
import { CJK_FONT, type ChartOption } from './echarts-setup.ts';

/** This year's training hours of the staff the requirement applies to; a bar opens those people. */
export function TrainingChart({ training }: { training: Dashboard['training'] }) {
  const option = useMemo<ChartOption>(
    () => ({
      textStyle: { fontFamily: CJK_FONT },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: training.bands.map((b) => b.label), name: '学时' },
      yAxis: { type: 'value', minInterval: 1, name: '人' },
      series: [
        {
          type: 'bar',
          name: '人数',
          barMaxWidth: 40,
          label: { show: true, position: 'top' },
          data: training.bands.map((b) => ({ value: b.count, itemStyle: { color: b.below === null ? '#52c41a' : b.min === 0 ? '#f5222d' : '#faad14' } })),
        },
      ],
    }),
    [training],
  );
  return (
    <ChartCard title={`${training.year} 年培训学时分布`} hint={`在岗执法人员本年度已登记的学时（要求每年 ${training.requiredHours} 学时）；点击柱子查看这些人员。`} testId="dashboard-training">
      {(onImage) => (
        <EChart
          id="training-hours"
          title={`${training.year} 年培训学时分布`}
          option={option}
          height={240}
          onImage={onImage}
          onClick={({ dataIndex }) => {
            const b = training.bands[dataIndex];
            if (b) navigate(`/personnel?hmin=${b.min}${b.below === null ? '' : `&hbelow=${b.below}`}`);
          }}
        />
      )}
    </ChartCard>
  );
}
