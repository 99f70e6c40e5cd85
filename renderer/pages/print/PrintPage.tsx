import { ArrowLeftOutlined, FileExcelOutlined, FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Checkbox, Result, Space, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { NOTICE_DOCUMENTS, ROSTER_DOCUMENT_LABELS, type RosterDocument, type RosterDocumentKind } from '../../../shared/api/methods/rosters.ts';
import { api } from '../../api/client.ts';
import { useApi } from '../../api/use-api.ts';
import type { Route } from '../../app/use-hash-route.ts';
import { useRosterDownload } from '../export/download.ts';
import { AnnounceDialog } from './AnnounceDialog.tsx';
import { documentKind, requestFromQuery } from './print-request.ts';
import { PrintPreviewBody } from './PrintPreviewBody.tsx';
import { usePrintActions } from './use-print-actions.ts';
import './print.css';

/** What the toolbar counts: people, or for the letters the units written to (and their people). */
function countText(kind: RosterDocumentKind, doc: RosterDocument): string {
  if (!NOTICE_DOCUMENTS.includes(kind)) return `共 ${doc.total} 人`;
  const units = doc.sections.filter((s) => s.letter).length;
  return kind === 'publication-notice' ? `共 ${units} 个单位` : `共 ${units} 个单位 ${doc.total} 人`;
}

/** Rewrites one query parameter of the current print address (the document reloads from it). */
function setParam(route: Route, key: string, value: string | null): void {
  const q = new URLSearchParams(route.query);
  if (value === null) q.delete(key);
  else q.set(key, value);
  window.location.hash = `#/print/${route.params.join('/')}?${q.toString()}`;
}

/**
 * Full-window print preview (#/print/<document>?…), without the navigation shell. The toolbar is
 * hidden on paper. Desktop: 打印 and 另存为 PDF go through Electron (webContents.print / printToPDF);
 * browser: the browser's print dialog, which can also save as PDF.
 */
export function PrintPage({ route }: { route: Route }) {
  const kind = documentKind(route.params[0]);
  const download = useRosterDownload();
  const { busy, print, savePdf, exportXlsx } = usePrintActions();
  const [announcing, setAnnouncing] = useState(false);
  const request = kind ? requestFromQuery(kind, route.query) : null;
  const key = JSON.stringify(request);
  const doc = useApi(() => (request ? api['rosters.get'](request) : Promise.resolve({ ok: false as const, error: { code: 'NOT_FOUND' as const, message: '没有这种名册' } })), key);

  useEffect(() => {
    if (doc.data) document.title = `${doc.data.title}（${doc.data.date}）`;
    return () => {
      document.title = '执法台账';
    };
  }, [doc.data]);

  if (!kind || !request) {
    return <Result status="404" title="没有这种名册" extra={<Button onClick={() => history.back()}>返回</Button>} />;
  }
  const label = ROSTER_DOCUMENT_LABELS[kind];
  const full = route.query.get('full') === '1';
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
              {countText(kind, doc.data)}
            </Typography.Text>
          ) : null}
          {kind === 'renewal' || kind === 'renewal-notice' || kind === 'cancellation' ? (
            <Tooltip title="默认只打印身份证号前6位和后4位；勾选后本次打印显示完整号码。">
              <Checkbox checked={full} onChange={(e) => setParam(route, 'full', e.target.checked ? '1' : null)} data-testid="print-full-id">
                打印完整身份证号
              </Checkbox>
            </Tooltip>
          ) : null}
          {kind === 'renewal' ? (
            <Checkbox checked={route.query.get('perUnit') === '1'} onChange={(e) => setParam(route, 'perUnit', e.target.checked ? '1' : null)}>
              按单位分页
            </Checkbox>
          ) : null}
          {kind === 'cancellation' ? (
            <Checkbox checked={route.query.get('all') !== '1'} onChange={(e) => setParam(route, 'all', e.target.checked ? null : '1')}>
              只列尚未公示的
            </Checkbox>
          ) : null}
        </Space>
        <Space wrap>
          {kind === 'cancellation' && doc.data && doc.data.certificateIds.length > 0 ? (
            <Button onClick={() => setAnnouncing(true)} data-testid="announce">
              登记公示日期
            </Button>
          ) : null}
          <Button icon={<FileExcelOutlined />} loading={busy === 'xlsx'} onClick={() => exportXlsx(() => download(request))}>
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
      <PrintPreviewBody doc={doc} fullIdNumbers={full} loadingText="正在生成名册…" />
      {announcing && doc.data ? (
        <AnnounceDialog
          certificateIds={doc.data.certificateIds}
          onClose={() => setAnnouncing(false)}
          onDone={() => {
            setAnnouncing(false);
            doc.reload();
          }}
        />
      ) : null}
    </div>
  );
}
