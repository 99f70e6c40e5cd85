import { ArrowLeftOutlined, DownloadOutlined, ImportOutlined, SettingOutlined } from '@ant-design/icons';
import { Alert, App, Badge, Button, Card, Descriptions, Empty, Select, Space, Statistic, Tabs, Tag, Typography } from 'antd';
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { FileCheck, SheetCheck } from '../../../shared/import/check-schema.ts';
import { AGENCY_SOURCE_LABELS, FILE_STATUS_LABELS, type CsvEncoding } from '../../../shared/import/import-kinds.ts';
import { api, errorMessage, unwrap } from '../../api/client.ts';
import { navigate } from '../../app/use-hash-route.ts';
import { saveStagedFile } from '../export/download.ts';
import { FILE_STATUS_COLORS, kindLabel } from './labels.ts';
import { MappingDialog } from './MappingDialog.tsx';
import { MissingList, type MissingChoice } from './MissingList.tsx';
import { PreviewGrid } from './PreviewGrid.tsx';
import { UnitsToAdd } from './UnitsToAdd.tsx';

/**
 * One checked file: a tab per sheet with what was recognised (kind, agency, header rows, column
 * mapping — correctable), the counts, the sheet's own findings, the row grid, the records the
 * registry has but the file lacks, and the rows that were skipped and why.
 */

function useGridHeight(anchor: React.RefObject<HTMLDivElement | null>, key: string): number {
  const [height, setHeight] = useState(360);
  useLayoutEffect(() => {
    const measure = () => {
      const top = anchor.current?.getBoundingClientRect().top ?? 400;
      setHeight(Math.max(220, Math.floor(window.innerHeight - top - 150)));
    };
    measure();
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  }, [anchor, key]);
  return height;
}

function SheetPanel({
  file,
  sheet,
  onFileChange,
  choices,
  onChoice,
  today,
}: {
  file: FileCheck;
  sheet: SheetCheck;
  onFileChange: (f: FileCheck) => void;
  choices: ReadonlyMap<number, MissingChoice>;
  onChoice: (recordId: number, c: MissingChoice) => void;
  today: string;
}) {
  const [mappingOpen, setMappingOpen] = useState(false);
  const [tab, setTab] = useState('rows');
  const anchor = useRef<HTMLDivElement>(null);
  const gridHeight = useGridHeight(anchor, `${sheet.index}-${tab}`);
  const committed = file.status === 'committed';
  const sheetIssues = sheet.issues.filter((i) => i.row === null);
  const c = sheet.counts;

  if (sheet.kind === 'skipped' && sheet.counts.read === 0 && sheet.headerRows.length === 0) {
    return (
      <div className="import-sheet-skipped">
        <Typography.Text type="secondary">这个工作表没有导入：{sheet.reason}。</Typography.Text>
        {sheet.reason === '未找到可识别的表头' && !committed && (
          <Button size="small" icon={<SettingOutlined />} onClick={() => setMappingOpen(true)}>
            指定表格类型
          </Button>
        )}
        <MappingDialog file={file} sheet={sheet} open={mappingOpen} onClose={() => setMappingOpen(false)} onSaved={onFileChange} />
      </div>
    );
  }

  return (
    <div data-testid={`sheet-panel-${sheet.index}`}>
      <Descriptions size="small" column={4} className="import-descriptions">
        <Descriptions.Item label="类型">{sheet.kind === 'skipped' ? <Typography.Text type="danger">{sheet.reason}</Typography.Text> : kindLabel(sheet)}</Descriptions.Item>
        <Descriptions.Item label="报送单位">
          {sheet.agency ? (
            <span>
              {sheet.agency.name}
              {sheet.agency.unitId === null && (
                <Tag color="gold" style={{ marginLeft: 6 }}>
                  将新增
                </Tag>
              )}
              <Typography.Text type="secondary">（据{AGENCY_SOURCE_LABELS[sheet.agency.source]}）</Typography.Text>
            </span>
          ) : sheet.kind === 'units' ? (
            <Typography.Text type="secondary">（单位名单）</Typography.Text>
          ) : sheet.kind === 'personnel' && sheet.issues.every((i) => i.code !== 'AGENCY_UNKNOWN') ? (
            <Typography.Text type="secondary">按各行“单位”列</Typography.Text>
          ) : (
            <Typography.Text type="danger">未识别</Typography.Text>
          )}
        </Descriptions.Item>
        <Descriptions.Item label="表头">
          第 {sheet.headerRows.join('、')} 行{sheet.mappingRemembered ? '（按上次确认的列对应）' : ''}
        </Descriptions.Item>
        <Descriptions.Item label="列对应">
          <Button size="small" icon={<SettingOutlined />} onClick={() => setMappingOpen(true)} disabled={committed} data-testid="open-mapping">
            查看 / 更正
          </Button>
        </Descriptions.Item>
      </Descriptions>
      <div className="import-stats">
        <Statistic title="数据行" value={c.read} />
        <Statistic title="新增" value={c.add} valueStyle={{ color: '#389e0d' }} />
        <Statistic title="修改" value={c.change} valueStyle={{ color: '#1677ff' }} />
        <Statistic title="无变化" value={c.unchanged} />
        <Statistic title="调动待确认" value={c.transfer} valueStyle={{ color: '#722ed1' }} />
        <Statistic title="错误" value={c.errors} valueStyle={{ color: c.errors > 0 ? '#cf1322' : undefined }} />
        <Statistic title="警告" value={c.warnings} valueStyle={{ color: c.warnings > 0 ? '#d48806' : undefined }} />
        <Statistic title="跳过的行" value={c.skipped} />
        <Statistic title="已排除" value={c.excluded} />
      </div>
      {sheetIssues.length > 0 && (
        <div className="import-sheet-issues">
          {sheetIssues.map((i, n) => (
            <Alert key={n} type={i.severity === 'error' ? 'error' : i.severity === 'warning' ? 'warning' : 'info'} showIcon message={i.detail} />
          ))}
        </div>
      )}
      <div ref={anchor} />
      <Tabs
        size="small"
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'rows', label: `数据（${c.read}）`, children: <PreviewGrid file={file} sheet={sheet} onFileChange={onFileChange} height={gridHeight} /> },
          // A unit list keeps the units it does not name: nothing to decide about them.
          ...(sheet.kind === 'units'
            ? []
            : [
                {
                  key: 'missing',
                  label: (
                    <span data-testid="tab-missing">
                      {sheet.kind === 'personnel' ? '名册中没有的人员' : '表中没有的事项'}（{sheet.missing.length}）
                    </span>
                  ),
                  children: <MissingList sheet={sheet} choices={choices} onChange={onChoice} today={today} readOnly={committed} />,
                },
              ]),
          {
            key: 'skipped',
            label: `跳过的行（${sheet.skippedRows.length}）`,
            children:
              sheet.skippedRows.length === 0 ? (
                <Typography.Text type="secondary">没有跳过的行。</Typography.Text>
              ) : (
                <ul className="import-skipped-list">
                  {sheet.skippedRows.map((r) => (
                    <li key={r.row}>
                      第 {r.row} 行：{r.reason}
                    </li>
                  ))}
                </ul>
              ),
          },
        ]}
      />
      <MappingDialog file={file} sheet={sheet} open={mappingOpen} onClose={() => setMappingOpen(false)} onSaved={onFileChange} />
    </div>
  );
}

export function FilePreview({
  file,
  onFileChange,
  onCommit,
  today,
  onBack = () => navigate('/import'),
  backLabel = '返回文件列表',
}: {
  file: FileCheck;
  onFileChange: (f: FileCheck) => void;
  onCommit: (file: FileCheck, missing: { sheetIndex: number; recordId: number; action: 'cancel_certificate' | 'delete'; reason?: MissingChoice['reason']; date?: string }[]) => void;
  today: string;
  /** Where 返回 leads (the 导入 page's list; the setup's unit-list step). */
  onBack?: () => void;
  backLabel?: string;
}) {
  const { message } = App.useApp();
  const [sheetKey, setSheetKey] = useState(() => String(file.sheets.find((s) => s.kind !== 'skipped')?.index ?? 0));
  const [choices, setChoices] = useState<Map<number, Map<number, MissingChoice>>>(new Map());
  const committed = file.status === 'committed';

  const decisions = useMemo(
    () =>
      [...choices.entries()].flatMap(([sheetIndex, m]) =>
        [...m.entries()]
          .filter(([, c]) => c.action !== 'keep')
          .map(([recordId, c]) => ({ sheetIndex, recordId, action: c.action as 'cancel_certificate' | 'delete', ...(c.action === 'cancel_certificate' ? { reason: c.reason, date: c.date } : {}) })),
      ),
    [choices],
  );

  const exportErrors = async () => {
    try {
      const { fileId } = await unwrap(api['import.errorWorkbook']({ checkId: file.checkId }));
      void message.success(`已导出“${await saveStagedFile(fileId)}”，可以发回报送单位修改`);
    } catch (err) {
      void message.error(errorMessage(err));
    }
  };

  const setEncoding = async (encoding: CsvEncoding) => {
    try {
      onFileChange(await unwrap(api['import.setFileOptions']({ checkId: file.checkId, encoding })));
    } catch (err) {
      void message.error(errorMessage(err));
    }
  };

  const previous = file.previousImports.filter((p) => !p.undone);
  return (
    <div data-testid="file-preview">
      <div className="page-header">
        <Space size={12} align="center" style={{ minWidth: 0 }}>
          <Button icon={<ArrowLeftOutlined />} onClick={onBack} data-testid="back-to-list">
            {backLabel}
          </Button>
          <h1 className="import-file-title" title={file.relativePath ?? file.file}>
            {file.file}
          </h1>
          <Tag color={FILE_STATUS_COLORS[file.status]}>{FILE_STATUS_LABELS[file.status]}</Tag>
        </Space>
        <Space>
          {file.format === 'csv' && !committed && (
            <Select<CsvEncoding>
              value={file.encoding === 'gb18030' ? 'gb18030' : 'utf-8'}
              onChange={(v) => void setEncoding(v)}
              style={{ width: 150 }}
              options={[
                { value: 'utf-8', label: '编码：UTF-8' },
                { value: 'gb18030', label: '编码：GBK' },
              ]}
            />
          )}
          <Button icon={<DownloadOutlined />} onClick={() => void exportErrors()} disabled={committed} data-testid="export-errors">
            导出检查结果
          </Button>
          {!committed && file.status !== 'unreadable' && (
            <Button type="primary" icon={<ImportOutlined />} onClick={() => onCommit(file, decisions)} data-testid="commit-file">
              导入此文件
            </Button>
          )}
        </Space>
      </div>
      {file.error && <Alert type="error" showIcon message="无法读取这个文件" description={file.error.message} style={{ marginBottom: 12 }} />}
      {previous.length > 0 && !committed && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={`内容完全相同的文件已于 ${previous[previous.length - 1]?.committedAt.slice(0, 10) ?? ''} 以“${previous[previous.length - 1]?.fileName ?? ''}”导入过，再次导入前会再确认。`}
        />
      )}
      {committed && <Alert type="success" showIcon style={{ marginBottom: 12 }} message="这个文件已经导入。如需撤销，请使用提示中的“撤销”或下方“导入记录”。" />}
      {file.unitsToAdd.length > 0 && !committed && <UnitsToAdd file={file} onFileChange={onFileChange} />}
      {file.sheets.length === 0 ? (
        !file.error && <Empty description="文件中没有工作表" />
      ) : (
        <Card size="small" className="import-card">
          <Tabs
            activeKey={sheetKey}
            onChange={setSheetKey}
            items={file.sheets.map((s) => {
              const errors = s.counts.errors + s.issues.filter((i) => i.row === null && i.severity === 'error').length;
              return {
                key: String(s.index),
                label: (
                  <span className={s.kind === 'skipped' ? 'import-tab-skipped' : ''}>
                    {s.sheet}
                    <Typography.Text type="secondary" style={{ marginLeft: 6, fontSize: 12 }}>
                      {kindLabel(s)}
                    </Typography.Text>
                    {errors > 0 && <Badge count={errors} size="small" style={{ marginLeft: 6 }} />}
                  </span>
                ),
                children: (
                  <SheetPanel
                    file={file}
                    sheet={s}
                    onFileChange={onFileChange}
                    choices={choices.get(s.index) ?? new Map()}
                    onChoice={(recordId, c) =>
                      setChoices((prev) => {
                        const next = new Map(prev);
                        const m = new Map(next.get(s.index) ?? []);
                        m.set(recordId, c);
                        next.set(s.index, m);
                        return next;
                      })
                    }
                    today={today}
                  />
                ),
              };
            })}
          />
        </Card>
      )}
    </div>
  );
}
