import { Segmented } from 'antd';
import { useMemo, useState } from 'react';
import type { Dashboard } from '../../../../shared/api/methods/reports.ts';
import { CERT_STATUS_CATEGORIES } from '../../../../shared/domain/certificate-status.ts';
import { navigate } from '../../../app/use-hash-route.ts';
import { ChartCard } from './ChartCard.tsx';
import { EChart } from './EChart.tsx';
import { CJK_FONT, STATUS_COLORS, type ChartOption } from './echarts-setup.ts';

type Unit = Dashboard['units'][number];
const ORDERS = { unit: '单位顺序', people: '人数', rate: '持证率', attention: '到期与过期' } as const;
type Order = keyof typeof ORDERS;

function sortUnits(units: readonly Unit[], order: Order): Unit[] {
  const list = [...units];
  if (order === 'people') list.sort((a, b) => b.people - a.people);
  if (order === 'rate') list.sort((a, b) => (a.holdingRate ?? 2) - (b.holdingRate ?? 2));
  if (order === 'attention') list.sort((a, b) => b.categories.expired + b.categories.expiring - (a.categories.expired + a.categories.expiring));
  return list;
}

/** Each unit's people by the status of the card their role calls for; a segment opens those people in the roster. */
export function StatusByUnitChart({ units }: { units: readonly Unit[] }) {
  const [order, setOrder] = useState<Order>('unit');
  const sorted = useMemo(() => sortUnits(units, order), [units, order]);
  const option = useMemo<ChartOption>(
    () => ({
      textStyle: { fontFamily: CJK_FONT },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0, itemWidth: 14, itemHeight: 10 },
      grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: sorted.map((u) => u.shortName ?? u.name), axisLabel: { interval: 0 } },
      series: CERT_STATUS_CATEGORIES.map((c) => ({
        type: 'bar',
        name: c.label,
        stack: 'status',
        barMaxWidth: 18,
        itemStyle: { color: STATUS_COLORS[c.key] },
        emphasis: { focus: 'series' },
        data: sorted.map((u) => u.categories[c.key]),
      })),
    }),
    [sorted],
  );
  return (
    <ChartCard
      title="证件状态（按单位）"
      hint="点击色块查看该单位该状态的人员名册。"
      testId="dashboard-status"
      extra={<Segmented size="small" value={order} onChange={(v) => setOrder(v as Order)} options={Object.entries(ORDERS).map(([value, label]) => ({ value, label }))} data-testid="status-order" />}
    >
      {(onImage) => (
        <EChart
          id="status-by-unit"
          title="证件状态（按单位）"
          option={option}
          height={sorted.length * 22 + 70}
          onImage={onImage}
          onClick={({ seriesIndex, dataIndex }) => {
            const unit = sorted[dataIndex];
            const group = CERT_STATUS_CATEGORIES[seriesIndex];
            if (unit && group) navigate(`/personnel?units=${unit.unitId}&status=${encodeURIComponent(group.statuses.join(','))}`);
          }}
        />
      )}
    </ChartCard>
  );
}
