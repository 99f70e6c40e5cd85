import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Col, Input, InputNumber, Modal, Row, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import type { AgencySummary } from '../../../shared/api/methods/catalog.ts';
import {
  EMPTY_PERSONNEL_FIGURES,
  FIGURE_KEYS,
  FIGURE_LABELS,
  figureCountsSchema,
  PERSONNEL_FIGURE_KEYS,
  PERSONNEL_FIGURE_LABELS,
  reportedYearSchema,
  type FigureCounts,
  type FigureKey,
  type ReportedFigures,
  type ReportedYear,
} from '../../../shared/domain/reported-figures.ts';
import { api, errorMessage, unwrap } from '../../api/client.ts';
import { useToday } from '../../app/registry-env.tsx';
import { maxLengthOf, numberRange } from '../../forms/contract-rules.ts';

const SHORT: Readonly<Record<FigureKey, string>> = {
  items: '事项合计',
  general: '一般',
  key: '重点',
  no_penalty: '不予处罚',
  lighter_penalty: '从轻',
  reduced_penalty: '减轻',
  no_coercion: '不予强制',
};

const emptyFigures = (): FigureCounts => ({ items: null, general: null, key: null, no_penalty: null, lighter_penalty: null, reduced_penalty: null, no_coercion: null });

function blankYear(year: number): ReportedYear {
  return { year, source: `${year}年法治政府建设工作报告`, agencies: null, totals: emptyFigures(), published: null, publishedAgencies: [], perAgency: [], personnel: { ...EMPTY_PERSONNEL_FIGURES } };
}

/**
 * The figures a report gave, per year: totals, the published agencies it names, and (where the
 * clerk has them) per-agency figures. Empty means the report states nothing, not zero.
 */
export function ReportedFiguresEditor({
  figures,
  year,
  agencies,
  onClose,
  onSaved,
}: {
  figures: ReportedFigures;
  year: number | null;
  agencies: readonly AgencySummary[];
  onClose: () => void;
  onSaved: (year: number) => void;
}) {
  const { message } = App.useApp();
  // The report of a year is written early the next year: a new one defaults to last year.
  const lastYear = Number(useToday().slice(0, 4)) - 1;
  const [draft, setDraft] = useState<ReportedYear>(() => structuredClone(figures.years.find((y) => y.year === year) ?? figures.years[0] ?? blankYear(lastYear)));
  const [originalYear] = useState(draft.year);
  const [saving, setSaving] = useState(false);
  const clash = draft.year !== originalYear && figures.years.some((y) => y.year === draft.year);

  const setTotal = (k: FigureKey, v: number | null) => setDraft((d) => ({ ...d, totals: { ...d.totals, [k]: v } }));
  const perAgency = (unitId: number) => draft.perAgency.find((p) => p.unitId === unitId);
  const setAgency = (unitId: number, k: FigureKey, v: number | null) =>
    setDraft((d) => {
      const current = d.perAgency.find((p) => p.unitId === unitId) ?? { unitId, ...emptyFigures() };
      const next = { ...current, [k]: v };
      const others = d.perAgency.filter((p) => p.unitId !== unitId);
      // A row with nothing in it is no row: the report gives no figures for that agency.
      return { ...d, perAgency: FIGURE_KEYS.some((key) => next[key] !== null) ? [...others, next] : others };
    });

  const save = async () => {
    setSaving(true);
    try {
      const years = [...figures.years.filter((y) => y.year !== originalYear), draft];
      await unwrap(api['catalog.saveReportedFigures']({ years }));
      onSaved(draft.year);
    } catch (err) {
      void message.error(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };

  const num = (value: number | null, onChange: (v: number | null) => void, label: string) => (
    <InputNumber
      {...numberRange(figureCountsSchema.shape.items)}
      precision={0}
      value={value}
      onChange={(v) => onChange(typeof v === 'number' ? v : null)}
      style={{ width: '100%' }}
      aria-label={label}
    />
  );

  return (
    <Modal
      open
      title="报告数字"
      width={1100}
      okText="保存"
      cancelText="取消"
      confirmLoading={saving}
      okButtonProps={{ disabled: clash }}
      onOk={() => void save()}
      onCancel={onClose}
      destroyOnHidden
      styles={{ body: { maxHeight: 'calc(100vh - 220px)', overflowY: 'auto' } }}
    >
      <Space style={{ marginBottom: 12 }} wrap>
        <Typography.Text>年度</Typography.Text>
        <InputNumber {...numberRange(reportedYearSchema.shape.year)} precision={0} value={draft.year} onChange={(v) => typeof v === 'number' && setDraft((d) => ({ ...d, year: v }))} />
        <Typography.Text>来源</Typography.Text>
        <Input value={draft.source} maxLength={maxLengthOf(reportedYearSchema.shape.source)} onChange={(e) => setDraft((d) => ({ ...d, source: e.target.value }))} style={{ width: 360 }} />
        <Button icon={<PlusOutlined />} onClick={() => setDraft(blankYear(Math.max(...figures.years.map((y) => y.year), lastYear) + 1))}>
          新增年度
        </Button>
      </Space>
      {clash ? <Alert type="error" showIcon title={`${draft.year} 年度已有报告数字，请换一个年度或直接编辑那一年`} style={{ marginBottom: 12 }} /> : null}
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        照报告原文填写；报告没有提到的数字留空（留空不等于 0）。
      </Typography.Paragraph>
      <Row gutter={[12, 8]}>
        <Col span={6}>
          <div>行政执法单位数</div>
          {num(draft.agencies, (v) => setDraft((d) => ({ ...d, agencies: v })), '行政执法单位数')}
        </Col>
        {FIGURE_KEYS.map((k) => (
          <Col span={6} key={k}>
            <div>{FIGURE_LABELS[k]}</div>
            {num(draft.totals[k], (v) => setTotal(k, v), FIGURE_LABELS[k])}
          </Col>
        ))}
        <Col span={6}>
          <div>已发布“一目录四清单”的单位数</div>
          {num(draft.published, (v) => setDraft((d) => ({ ...d, published: v })), '已发布单位数')}
        </Col>
      </Row>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        单位、人员与发证（审核表将台账数字与这些数字对照）
      </Typography.Title>
      <Row gutter={[12, 8]}>
        {PERSONNEL_FIGURE_KEYS.map((k) => (
          <Col span={4} key={k}>
            <div>{PERSONNEL_FIGURE_LABELS[k]}</div>
            {num(draft.personnel[k], (v) => setDraft((d) => ({ ...d, personnel: { ...d.personnel, [k]: v } })), PERSONNEL_FIGURE_LABELS[k])}
          </Col>
        ))}
      </Row>
      <div style={{ marginTop: 12 }}>
        <div>报告中点名已发布的单位（按报告原文，可写简称）</div>
        <Select
          mode="tags"
          style={{ width: '100%' }}
          value={draft.publishedAgencies}
          onChange={(v: string[]) => setDraft((d) => ({ ...d, publishedAgencies: v.map((s) => s.trim()).filter((s) => s.length >= 2) }))}
          options={agencies.map((a) => ({ value: a.shortName ?? a.name, label: a.shortName ?? a.name }))}
          tokenSeparators={['、', '，', ',']}
        />
      </div>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        分单位数字（有则填，例如各单位报送的统计表）
      </Typography.Title>
      <Table<AgencySummary>
        rowKey="unitId"
        size="small"
        pagination={false}
        dataSource={[...agencies]}
        columns={[
          { title: '单位', dataIndex: 'name', width: 200 },
          ...FIGURE_KEYS.map((k) => ({
            title: SHORT[k],
            key: k,
            width: 96,
            render: (_v: unknown, a: AgencySummary) => num(perAgency(a.unitId)?.[k] ?? null, (v) => setAgency(a.unitId, k, v), `${a.name}${FIGURE_LABELS[k]}`),
          })),
        ]}
      />
    </Modal>
  );
}
