import { DeleteOutlined, EditOutlined, MailOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, Col, DatePicker, Form, Input, Modal, Row, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { publicationInputSchema, type PublicationInput, type PublicationRow, type PublicationState } from '../../../shared/api/methods/catalog.ts';
import { validityEnd } from '../../../shared/domain/dates.ts';
import { api, errorMessage, unwrap } from '../../api/client.ts';
import { useApi } from '../../api/use-api.ts';
import { useSettings } from '../../app/registry-env.tsx';
import { useTableColumns, type TableColumn } from '../../app/table-columns.tsx';
import { PUBLICATION_STATUSES } from '../../../shared/domain/publication-status.ts';
import { useUndoNotice } from '../../app/undo-notice.tsx';
import { navigate } from '../../app/use-hash-route.ts';
import { textRules } from '../../forms/contract-rules.ts';
import { PublicationTag } from './PublicationTag.tsx';
import { DocNumberPreview } from '../../forms/DocNumberPreview.tsx';
import { TableExportMenu } from '../../app/TableExportMenu.tsx';

interface AgencyPublications {
  unitId: number;
  name: string;
  shortName: string | null;
  publication: PublicationState;
  documents: PublicationRow[];
}

const FILTERS = ['全部', '已发布', '未发布', '已失效', '即将到期'] as const;
type Filter = (typeof FILTERS)[number];

/** The filter a link asks for (#/catalog/publications?status=未发布, from 概览 or the annual report). */
export function publicationFilterOf(raw: string | null): Filter {
  return FILTERS.find((f) => f === raw) ?? '全部';
}

interface PublicationForm {
  unitId: number;
  docNumber: string;
  title?: string | null;
  publishDate: Dayjs;
  validFrom?: Dayjs | null;
  validTo?: Dayjs | null;
  revoked: boolean;
  notes?: string | null;
}

const iso = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);

function PublicationEditor({
  doc,
  unitId,
  agencies,
  onClose,
  onSaved,
}: {
  doc: PublicationRow | null;
  unitId: number;
  agencies: readonly AgencyPublications[];
  onClose: () => void;
  onSaved: (text: string, operationId: number | null) => void;
}) {
  const [form] = Form.useForm<PublicationForm>();
  const [saving, setSaving] = useState(false);
  const { publicationValidityYears } = useSettings();
  const { message } = App.useApp();
  const initial: Partial<PublicationForm> = doc
    ? {
        unitId: doc.unitId,
        docNumber: doc.docNumber,
        title: doc.title,
        publishDate: dayjs(doc.publishDate),
        validFrom: doc.validFrom ? dayjs(doc.validFrom) : null,
        validTo: doc.validTo ? dayjs(doc.validTo) : null,
        revoked: doc.revoked,
        notes: doc.notes,
      }
    : { unitId, revoked: false };

  const submit = async (v: PublicationForm) => {
    setSaving(true);
    const input: PublicationInput = {
      unitId: v.unitId,
      docNumber: v.docNumber,
      title: v.title ?? null,
      publishDate: iso(v.publishDate) ?? '',
      validFrom: iso(v.validFrom),
      validTo: iso(v.validTo),
      revoked: v.revoked,
      notes: v.notes ?? null,
    };
    try {
      const { operationId } = doc ? await unwrap(api['publications.update']({ ...input, id: doc.id })) : await unwrap(api['publications.create'](input));
      onSaved(doc ? `已保存发布文件 ${v.docNumber}` : `已登记发布文件 ${v.docNumber}`, operationId);
    } catch (err) {
      void message.error(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={doc ? `编辑发布文件：${doc.docNumber}` : '登记发布文件'}
      okText="保存"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={640}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={initial}
        preserve={false}
        onFinish={(v) => void submit(v)}
        // Enter in a date field confirms the typed date only; Enter in any other field saves.
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.target as HTMLElement).closest('.ant-picker')) e.preventDefault();
        }}
        onValuesChange={(changed: Partial<PublicationForm>) => {
          // A new document usually runs from its publication date for the configured years: fill that in, the clerk can change it.
          if (changed.publishDate && !doc) {
            const d = changed.publishDate.format('YYYY-MM-DD');
            if (!form.getFieldValue('validFrom')) form.setFieldValue('validFrom', changed.publishDate);
            if (!form.getFieldValue('validTo')) form.setFieldValue('validTo', dayjs(validityEnd(d, publicationValidityYears)));
          }
        }}
        data-testid="publication-editor"
      >
        <Form.Item name="unitId" label="单位" rules={[{ required: true, message: '请选择单位' }]}>
          <Select options={agencies.map((a) => ({ value: a.unitId, label: a.name }))} showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
        <Row gutter={16}>
          <Col span={14}>
            <Form.Item name="docNumber" label="文号" rules={textRules(publicationInputSchema.shape.docNumber, '文号')} extra={<DocNumberPreview name="docNumber" />}>
              <Input placeholder="如：沅农发〔2023〕40号" autoFocus />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name="publishDate" label="发布日期" rules={[{ required: true, message: '请选择发布日期' }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="title" label="文件标题" rules={textRules(publicationInputSchema.shape.title, '文件标题')}>
          <Input placeholder="如：关于公布《……分类检查事项目录和四项清单》的通知" />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="validFrom" label="有效期自">
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="validTo"
              label="有效期至"
              dependencies={['validFrom', 'publishDate']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: (_r, value: Dayjs | null | undefined) => {
                    const from = (getFieldValue('validFrom') as Dayjs | null | undefined) ?? (getFieldValue('publishDate') as Dayjs | undefined);
                    return value && from && value.isBefore(from, 'day') ? Promise.reject(new Error('截止日期不能早于起始日期')) : Promise.resolve();
                  },
                }),
              ]}
            >
              <DatePicker style={{ width: '100%' }} placeholder="长期有效可不填" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="revoked" valuePropName="checked">
          <Checkbox>已废止（到期前被撤销或被新文件替代）</Checkbox>
        </Form.Item>
        <Form.Item name="notes" label="备注" rules={textRules(publicationInputSchema.shape.notes, '备注')}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
        </Form.Item>
        <button type="submit" hidden aria-hidden />
      </Form>
    </Modal>
  );
}

/** Per agency: the document that published its catalog and lists, its status, and who has not published. */
export function PublicationsView({ version, onChanged, initialFilter = '全部' }: { version: number; onChanged: () => void; initialFilter?: Filter }) {
  const loaded = useApi(() => api['publications.list']({}), `publications:${version}`);
  const [filter, setFilter] = useState<Filter>(initialFilter);
  const [editing, setEditing] = useState<{ doc: PublicationRow | null; unitId: number } | null>(null);
  const { message, modal } = App.useApp();
  const showUndo = useUndoNotice();
  const agencies = useMemo(() => loaded.data?.agencies ?? [], [loaded.data]);
  const count = (f: Filter) => agencies.filter((a) => matches(a, f)).length;
  const shown = useMemo(() => agencies.filter((a) => matches(a, filter)), [agencies, filter]);
  // 督办通知 goes to the agencies listed when the list shows only unpublished or lapsed ones, else to all of them.
  const overdue = agencies.filter((a) => a.publication.status !== '已发布');
  const noticeUnits = filter === '未发布' || filter === '已失效' ? shown.map((a) => a.unitId) : [];

  const remove = (doc: PublicationRow) =>
    modal.confirm({
      title: `删除发布文件 ${doc.docNumber}？`,
      content: '只删除这条登记记录。删除后可在提示中或 设置 › 操作记录 里撤销。',
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        try {
          const { operationId } = await unwrap(api['publications.delete']({ id: doc.id }));
          showUndo(`已删除发布文件 ${doc.docNumber}`, operationId, onChanged);
          onChanged();
        } catch (err) {
          void message.error(errorMessage(err));
        }
      },
    });

  const docColumns: ColumnsType<PublicationRow> = [
    { title: '文号', dataIndex: 'docNumber', width: 190 },
    { title: '文件标题', dataIndex: 'title', render: (v: string | null) => v ?? '—' },
    { title: '发布日期', dataIndex: 'publishDate', width: 110, className: 'tabular' },
    { title: '有效期', key: 'valid', width: 210, render: (_v, d) => `${d.validFrom ?? d.publishDate} 至 ${d.validTo ?? '长期'}` },
    { title: '', key: 'revoked', width: 70, render: (_v, d) => (d.revoked ? <Tag color="red">已废止</Tag> : null) },
    { title: '备注', dataIndex: 'notes', width: 180, render: (v: string | null) => v ?? '' },
    {
      title: '操作',
      key: 'op',
      width: 100,
      render: (_v, d) => (
        <Space size={0}>
          <Button type="link" size="small" icon={<EditOutlined />} aria-label="编辑" onClick={() => setEditing({ doc: d, unitId: d.unitId })} />
          <Button type="link" size="small" danger icon={<DeleteOutlined />} aria-label="删除" onClick={() => void remove(d)} />
        </Space>
      ),
    },
  ];

  const columns: TableColumn<AgencyPublications>[] = [
    { title: '单位', dataIndex: 'name', width: 200, ellipsis: true, sortValue: (a) => a.name },
    { title: '状态', key: 'status', width: 150, sortValue: (a) => PUBLICATION_STATUSES.indexOf(a.publication.status), render: (_v, a) => <PublicationTag publication={a.publication} /> },
    { title: '文号', key: 'doc', width: 180, sortValue: (a) => a.publication.latest?.docNumber, render: (_v, a) => a.publication.latest?.docNumber ?? <span className="catalog-empty">—</span> },
    { title: '发布日期', key: 'date', width: 110, sortValue: (a) => a.publication.latest?.publishDate, render: (_v, a) => a.publication.latest?.publishDate ?? '—' },
    {
      title: '有效期',
      key: 'valid',
      width: 190,
      // Sorted by the end of validity: what lapses first comes first; 长期 (no end) last.
      sortValue: (a) => a.publication.latest?.validTo,
      render: (_v, a) => {
        const d = a.publication.latest;
        return d ? `${d.validFrom ?? d.publishDate} 至 ${d.validTo ?? '长期'}` : '—';
      },
    },
    { title: '文件', key: 'n', width: 70, align: 'right', sortValue: (a) => a.documents.length, render: (_v, a) => a.documents.length },
    {
      title: '操作',
      key: 'op',
      width: 110,
      render: (_v, a) => (
        <Button size="small" icon={<PlusOutlined />} onClick={() => setEditing({ doc: null, unitId: a.unitId })}>
          登记文件
        </Button>
      ),
    },
  ];
  const table = useTableColumns('publications', columns, shown);

  return (
    <div style={{ paddingTop: 12 }} data-testid="publications-view">
      {loaded.error ? <Alert type="error" showIcon title={errorMessage(loaded.error)} /> : null}
      <Space style={{ marginBottom: 12 }} wrap>
        <Segmented value={filter} onChange={(v) => setFilter(v)} options={FILTERS.map((f) => ({ value: f, label: `${f} ${count(f)}` }))} data-testid="publication-filter" />
        {loaded.data ? (
          <Typography.Text type="secondary" data-testid="publications-shown">
            列出 {shown.length} 个单位
          </Typography.Text>
        ) : null}
        <Button
          icon={<MailOutlined />}
          disabled={overdue.length === 0 || (noticeUnits.length === 0 && filter !== '全部' && filter !== '即将到期')}
          onClick={() => navigate(`/print/publication-notice${noticeUnits.length > 0 ? `?units=${noticeUnits.join(',')}` : ''}`)}
          data-testid="print-publication-notice"
        >
          督办通知（{noticeUnits.length > 0 ? noticeUnits.length : overdue.length} 个单位）
        </Button>
        <TableExportMenu query={{ kind: 'publications', filter }} columns={table.columns} sort={table.sort} disabled={shown.length === 0} />
        {loaded.data ? (
          <Typography.Text type="secondary">
            截至 {loaded.data.today}；“即将到期”指 {loaded.data.warningDays} 天内到期（设置 › 业务规则）
          </Typography.Text>
        ) : null}
      </Space>
      <Table<AgencyPublications>
        rowKey="unitId"
        size="small"
        loading={loaded.loading && !loaded.data}
        columns={table.columns}
        {...table.tableProps}
        dataSource={table.rows}
        pagination={false}
        scroll={{ x: table.scrollX, y: 'calc(100vh - 300px)' }}
        expandable={{
          rowExpandable: (a) => a.documents.length > 0,
          expandedRowRender: (a) => <Table<PublicationRow> rowKey="id" size="small" columns={docColumns} dataSource={a.documents} pagination={false} />,
        }}
        locale={{ emptyText: filter === '全部' ? '没有标记为执法主体的单位（设置 › 单位管理）' : `没有${filter}的单位` }}
        data-testid="publications-table"
      />
      {editing ? (
        <PublicationEditor
          doc={editing.doc}
          unitId={editing.unitId}
          agencies={agencies}
          onClose={() => setEditing(null)}
          onSaved={(text, operationId) => {
            setEditing(null);
            showUndo(text, operationId, onChanged);
            onChanged();
          }}
        />
      ) : null}
    </div>
  );
}

function matches(a: AgencyPublications, f: Filter): boolean {
  if (f === '全部') return true;
  if (f === '即将到期') return a.publication.expiringSoon;
  return a.publication.status === f;
}
