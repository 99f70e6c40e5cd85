import { ArrowLeftOutlined, FileExcelOutlined, FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Checkbox, Result, Space, Tooltip, Typography } from 'antd';
import { useEffect } from 'react';
import { TABLE_KINDS, TABLE_LABELS, type TableRequestInput } from '../../../shared/api/methods/tables.ts';
import { api } from '../../api/client.ts';
import { useApi } from '../../api/use-api.ts';
import { tablePrintPath, useTableExport } from '../../app/TableExportMenu.tsx';
import type { Route } from '../../app/use-hash-route.ts';
import { PrintPreviewBody } from './PrintPreviewBody.tsx';
import { usePrintActions } from './use-print-actions.ts';
import './print.css';

/** The request in the address (#/print-table/<kind>?r=…), or null when it is not one. */
function requestOf(route: Route): TableRequestInput | null {
  const kind = route.params[0];
  if (!(TABLE_KINDS as readonly string[]).includes(kind ?? '')) return null;
  try {
    const parsed: unknown = JSON.parse(route.query.get('r') ?? '');
    // The backend checks the request against its schema; here only that it names this table.
    if (typeof parsed !== 'object' || parsed === null || (parsed as { query?: { kind?: unknown } }).query?.kind !== kind) return null;
    return parsed as TableRequestInput;
  } catch {
    return null;
  }
}

/**
 * Print preview of any table (#/print-table/<kind>?r=<request>), with the rosters' layout and
 * toolbar: 返回, 打印, 另存为 PDF, 导出 Excel. Desktop prints through Electron; the browser through
 * its own print dialog (which also saves a PDF).
 */
export function TablePrintPage({ route }: { route: Route }) {
  const exportTable = useTableExport();
  const { busy, print, savePdf, exportXlsx } = usePrintActions();
  const request = requestOf(route);
  const doc = useApi(() => (request ? api['tables.print'](request) : Promise.resolve({ ok: false as const, error: { code: 'NOT_FOUND' as const, message: '没有这种表格' } })), JSON.stringify(request));

  useEffect(() => {
    if (doc.data) document.title = `${doc.data.title}（${doc.data.date}）`;
    return () => {
      document.title = '执法台账';
    };
  }, [doc.data]);

  if (!request) return <Result status="404" title="没有这种表格" extra={<Button onClick={() => history.back()}>返回</Button>} />;
  const label = TABLE_LABELS[request.query.kind];
  const full = request.fullIdNumbers === true;
  const showsIds = request.query.kind === 'roster' && (request.columns ?? ['idNumber']).includes('idNumber');
  const suggestedName = doc.data ? `${doc.data.title}_${doc.data.date}` : label;

  return (
    <div className="print-root">
      <div className="print-toolbar no-print" data-testid="print-toolbar">
        <Space wrap>
          <Button icon={<ArrowLeftOutlined />} onClick={() => history.back()}>
            返回
          </Button>
          <Typography.Text strong>打印预览：{label}</Typography.Text>
          {doc.data ? (
            <Typography.Text type="secondary" data-testid="print-count">
              共 {doc.data.total.toLocaleString('zh-CN')} 行
            </Typography.Text>
          ) : null}
          {showsIds ? (
            <Tooltip title="默认只打印身份证号前6位和后4位；勾选后本次打印显示完整号码。">
              <Checkbox checked={full} onChange={(e) => window.location.replace(`#${tablePrintPath({ ...request, fullIdNumbers: e.target.checked })}`)} data-testid="print-full-id">
                打印完整身份证号
              </Checkbox>
            </Tooltip>
          ) : null}
        </Space>
        <Space wrap>
          <Button icon={<FileExcelOutlined />} loading={busy === 'xlsx'} onClick={() => exportXlsx(() => exportTable(request, 'xlsx'))}>
            导出 Excel
          </Button>
          <Button icon={<FilePdfOutlined />} loading={busy === 'pdf'} onClick={() => void savePdf(suggestedName)} data-testid="save-pdf">
            另存为 PDF
          </Button>
          <Button type="primary" icon={<PrinterOutlined />} loading={busy === 'print'} onClick={() => void print()} data-testid="print-button">
            打印
          </Button>
        </Space>
      </div>
      <PrintPreviewBody doc={doc} fullIdNumbers={full && showsIds} loadingText="正在生成表格…" />
    </div>
  );
}
