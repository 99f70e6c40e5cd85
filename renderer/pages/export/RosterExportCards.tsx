import { FileExcelOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Checkbox, DatePicker, InputNumber, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState, type ReactNode } from 'react';
import type { RosterRequestInput } from '../../../shared/api/methods/rosters.ts';
import { CERT_TYPES, type CertType } from '../../../shared/domain/certificate-vocabulary.ts';
import { api } from '../../api/client.ts';
import { useApi } from '../../api/use-api.ts';
import { useSettings, useToday } from '../../app/registry-env.tsx';
import { navigate } from '../../app/use-hash-route.ts';
import { useRosterDownload } from './download.ts';

/** The unit picker every roster card shares (empty = all units). */
function UnitPicker({ value, onChange }: { value: number[]; onChange: (ids: number[]) => void }) {
  const units = useApi(() => api['units.list']({}), 'export-units');
  return (
    <Select
      mode="multiple"
      allowClear
      showSearch
      optionFilterProp="label"
      placeholder="全部单位"
      maxTagCount="responsive"
      options={(units.data?.units ?? []).map((u) => ({ value: u.id, label: u.name }))}
      value={value}
      onChange={onChange}
      style={{ width: 280 }}
    />
  );
}

/** 打印预览 (the review step) and 导出 Excel for one roster request. */
function Actions({ printPath, request, testId }: { printPath: string; request: RosterRequestInput; testId: string }) {
  const download = useRosterDownload();
  const [busy, setBusy] = useState(false);
  return (
    <Space>
      <Button type="primary" icon={<PrinterOutlined />} onClick={() => navigate(printPath)} data-testid={`${testId}-preview`}>
        预览并打印
      </Button>
      <Button
        icon={<FileExcelOutlined />}
        loading={busy}
        onClick={() => {
          setBusy(true);
          void download(request).finally(() => setBusy(false));
        }}
        data-testid={`${testId}-xlsx`}
      >
        导出 Excel
      </Button>
    </Space>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div style={{ display: 'flex', alignItems: 'center', gap: 12, marginBottom: 10 }}>
      <span style={{ width: 84, color: 'rgba(0,0,0,0.65)', flex: 'none' }}>{label}</span>
      <div>{children}</div>
    </div>
  );
}

export function RenewalCard() {
  const settings = useSettings();
  const [unitIds, setUnitIds] = useState<number[]>([]);
  const [days, setDays] = useState<number | null>(null);
  const [includeExpired, setIncludeExpired] = useState(true);
  const [perUnit, setPerUnit] = useState(false);
  const [full, setFull] = useState(false);
  const effectiveDays = days ?? settings.expiryWarningDays;
  const q = new URLSearchParams({ days: String(effectiveDays) });
  if (unitIds.length) q.set('units', unitIds.join(','));
  if (includeExpired) q.set('expired', '1');
  if (perUnit) q.set('perUnit', '1');
  if (full) q.set('full', '1');
  return (
    <div>
      <Row label="单位">
        <UnitPicker value={unitIds} onChange={setUnitIds} />
      </Row>
      <Row label="到期范围">
        <Space>
          <span>证件在</span>
          <InputNumber min={0} max={3650} value={effectiveDays} onChange={(v) => setDays(typeof v === 'number' ? v : null)} style={{ width: 90 }} data-testid="renewal-days" />
          <span>天内到期</span>
          <Checkbox checked={includeExpired} onChange={(e) => setIncludeExpired(e.target.checked)}>
            含已过期未换证的
          </Checkbox>
        </Space>
      </Row>
      <Row label="版式">
        <Space>
          <Checkbox checked={perUnit} onChange={(e) => setPerUnit(e.target.checked)}>
            按单位分页（每个单位单独签章）
          </Checkbox>
          <Checkbox checked={full} onChange={(e) => setFull(e.target.checked)}>
            打印完整身份证号
          </Checkbox>
        </Space>
      </Row>
      <Actions
        testId="renewal"
        printPath={`/print/renewal?${q.toString()}`}
        request={{
          kind: 'renewal',
          filter: { unitIds, expiringWithinDays: effectiveDays, includeExpired },
          pagePerUnit: perUnit,
          fullIdNumbers: full,
        }}
      />
    </div>
  );
}

export function CancellationCard() {
  const [unitIds, setUnitIds] = useState<number[]>([]);
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [onlyUnannounced, setOnlyUnannounced] = useState(true);
  const [full, setFull] = useState(false);
  const from = range?.[0]?.format('YYYY-MM-DD') ?? null;
  const to = range?.[1]?.format('YYYY-MM-DD') ?? null;
  const q = new URLSearchParams();
  if (from) q.set('from', from);
  if (to) q.set('to', to);
  if (unitIds.length) q.set('units', unitIds.join(','));
  if (!onlyUnannounced) q.set('all', '1');
  if (full) q.set('full', '1');
  return (
    <div>
      <Row label="单位">
        <UnitPicker value={unitIds} onChange={setUnitIds} />
      </Row>
      <Row label="注销日期">
        <DatePicker.RangePicker allowEmpty={[true, true]} value={range} onChange={(v) => setRange(v)} />
      </Row>
      <Row label="范围">
        <Space>
          <Checkbox checked={onlyUnannounced} onChange={(e) => setOnlyUnannounced(e.target.checked)}>
            只列尚未公示的（下一期公示）
          </Checkbox>
          <Checkbox checked={full} onChange={(e) => setFull(e.target.checked)}>
            打印完整身份证号
          </Checkbox>
        </Space>
      </Row>
      <Actions testId="cancellation" printPath={`/print/cancellation?${q.toString()}`} request={{ kind: 'cancellation', from, to, unitIds, onlyUnannounced, fullIdNumbers: full }} />
    </div>
  );
}

export function PublicListCard() {
  const [unitIds, setUnitIds] = useState<number[]>([]);
  const [certType, setCertType] = useState<CertType>('行政执法证');
  const q = new URLSearchParams({ certType });
  if (unitIds.length) q.set('units', unitIds.join(','));
  return (
    <div>
      <Row label="单位">
        <UnitPicker value={unitIds} onChange={setUnitIds} />
      </Row>
      <Row label="证件类型">
        <Select value={certType} onChange={setCertType} options={CERT_TYPES.map((t) => ({ value: t, label: t }))} style={{ width: 180 }} />
      </Row>
      <Actions testId="public-list" printPath={`/print/public-list?${q.toString()}`} request={{ kind: 'public-list', unitIds, certType }} />
    </div>
  );
}

/** A year's training shortfall, as the roster (培训学时不足名单) or as letters to the units (参训督促通知). */
export function TrainingYearCard({ kind }: { kind: 'training-short' | 'training-notice' }) {
  const thisYear = Number(useToday().slice(0, 4));
  const [year, setYear] = useState<number | null>(null);
  const [unitIds, setUnitIds] = useState<number[]>([]);
  const effectiveYear = year ?? thisYear;
  const q = new URLSearchParams({ year: String(effectiveYear) });
  if (unitIds.length) q.set('units', unitIds.join(','));
  return (
    <div>
      <Row label="单位">
        <UnitPicker value={unitIds} onChange={setUnitIds} />
      </Row>
      <Row label="年度">
        <Select value={effectiveYear} onChange={setYear} options={[0, 1, 2, 3].map((d) => ({ value: thisYear - d, label: `${thisYear - d} 年度` }))} style={{ width: 120 }} />
      </Row>
      <Actions testId={kind} printPath={`/print/${kind}?${q.toString()}`} request={{ kind, year: effectiveYear, unitIds }} />
    </div>
  );
}

export function RenewalNoticeCard() {
  const settings = useSettings();
  const [unitIds, setUnitIds] = useState<number[]>([]);
  const [days, setDays] = useState<number | null>(null);
  const [includeExpired, setIncludeExpired] = useState(true);
  const effectiveDays = days ?? settings.expiryWarningDays;
  const q = new URLSearchParams({ days: String(effectiveDays) });
  if (unitIds.length) q.set('units', unitIds.join(','));
  if (includeExpired) q.set('expired', '1');
  return (
    <div>
      <Row label="单位">
        <UnitPicker value={unitIds} onChange={setUnitIds} />
      </Row>
      <Row label="到期范围">
        <Space>
          <span>证件在</span>
          <InputNumber min={0} max={3650} value={effectiveDays} onChange={(v) => setDays(typeof v === 'number' ? v : null)} style={{ width: 90 }} />
          <span>天内到期</span>
          <Checkbox checked={includeExpired} onChange={(e) => setIncludeExpired(e.target.checked)}>
            含已过期未换证的
          </Checkbox>
        </Space>
      </Row>
      <Actions
        testId="renewal-notice"
        printPath={`/print/renewal-notice?${q.toString()}`}
        request={{ kind: 'renewal-notice', filter: { unitIds, expiringWithinDays: effectiveDays, includeExpired } }}
      />
    </div>
  );
}

export function PublicationNoticeCard() {
  const [unitIds, setUnitIds] = useState<number[]>([]);
  const q = new URLSearchParams();
  if (unitIds.length) q.set('units', unitIds.join(','));
  return (
    <div>
      <Row label="单位">
        <UnitPicker value={unitIds} onChange={setUnitIds} />
      </Row>
      <Actions testId="publication-notice" printPath={`/print/publication-notice?${q.toString()}`} request={{ kind: 'publication-notice', unitIds }} />
    </div>
  );
}
