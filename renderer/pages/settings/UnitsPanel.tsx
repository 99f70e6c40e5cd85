import { DeleteOutlined, EditOutlined, PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, Form, Input, InputNumber, Modal, Segmented, Select, Space, Table, Tag, Tooltip } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { unitInputSchema, type UnitInput, type UnitRow } from '../../../shared/api/methods/units.ts';
import { UNIT_KINDS, type UnitKind } from '../../../shared/domain/unit-kinds.ts';
import { api, errorMessage, unwrap } from '../../api/client.ts';
import { useApi } from '../../api/use-api.ts';
import { useFindShortcut } from '../../app/use-find-shortcut.ts';
import { useTableColumns, type TableColumn } from '../../app/table-columns.tsx';
import { useUndoNotice } from '../../app/undo-notice.tsx';
import { numberRange, textRules } from '../../forms/contract-rules.ts';

const UNIT = unitInputSchema.shape;

interface UnitFormValues {
  name: string;
  shortName?: string;
  kind: UnitKind;
  keepsInspectionLists: boolean;
  sortOrder: number;
  staffingQuota?: number | null;
  contactPerson?: string;
  contactPhone?: string;
  notes?: string;
  aliases: string[];
}

function toInput(values: UnitFormValues): UnitInput {
  return {
    name: values.name,
    shortName: values.shortName ?? null,
    kind: values.kind,
    keepsInspectionLists: values.keepsInspectionLists,
    sortOrder: values.sortOrder,
    staffingQuota: values.staffingQuota ?? null,
    contactPerson: values.contactPerson ?? null,
    contactPhone: values.contactPhone ?? null,
    notes: values.notes ?? null,
    aliases: values.aliases,
  };
}

function kindLabel(kind: UnitKind): string {
  return kind === '乡镇街道' ? '乡镇（街道）' : kind;
}

function UnitEditor({ unit, open, onClose, onSaved }: { unit: UnitRow | null; open: boolean; onClose: () => void; onSaved: (text: string, operationId: number | null) => void }) {
  const [form] = Form.useForm<UnitFormValues>();
  const [saving, setSaving] = useState(false);
  const { message } = App.useApp();
  const initial: UnitFormValues = unit
    ? {
        name: unit.name,
        shortName: unit.shortName ?? undefined,
        kind: unit.kind,
        keepsInspectionLists: unit.keepsInspectionLists,
        sortOrder: unit.sortOrder,
        staffingQuota: unit.staffingQuota,
        contactPerson: unit.contactPerson ?? undefined,
        contactPhone: unit.contactPhone ?? undefined,
        notes: unit.notes ?? undefined,
        aliases: unit.aliases,
      }
    : { name: '', kind: '市直单位', keepsInspectionLists: false, sortOrder: 0, aliases: [] };

  const submit = async (values: UnitFormValues) => {
    setSaving(true);
    try {
      if (unit) {
        const { operationId } = await unwrap(api['units.update']({ id: unit.id, ...toInput(values) }));
        onSaved(`已保存单位“${values.name}”`, operationId);
      } else {
        const { operationId } = await unwrap(api['units.create'](toInput(values)));
        onSaved(`已新增单位“${values.name}”`, operationId);
      }
    } catch (err) {
      void message.error(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={unit ? `编辑单位：${unit.name}` : '新增单位'}
      okText="保存"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={620}
    >
      <Form form={form} layout="vertical" initialValues={initial} onFinish={(v) => void submit(v)} preserve={false}>
        <Form.Item name="name" label="单位名称" rules={textRules(UNIT.name, '单位名称')}>
          <Input autoFocus placeholder="如：沅江市农业农村局" />
        </Form.Item>
        <Space size={16} style={{ display: 'flex' }} align="start">
          <Form.Item name="shortName" label="简称" rules={textRules(UNIT.shortName, '简称')}>
            <Input placeholder="如：市农业农村局" style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="kind" label="类型" rules={[{ required: true }]}>
            <Select style={{ width: 140 }} options={UNIT_KINDS.map((k) => ({ value: k, label: k === '乡镇街道' ? '乡镇（街道）' : k }))} />
          </Form.Item>
          <Form.Item name="sortOrder" label="排序号" rules={[{ required: true, message: '请填写排序号' }]}>
            <InputNumber {...numberRange(UNIT.sortOrder)} precision={0} style={{ width: 100 }} />
          </Form.Item>
        </Space>
        <Form.Item name="keepsInspectionLists" valuePropName="checked">
          <Checkbox>执法主体：编制分类检查事项目录和四项清单</Checkbox>
        </Form.Item>
        <Form.Item name="aliases" label="别名" tooltip="报送文件中可能出现的其他名称，用于导入时识别单位">
          <Select mode="tags" placeholder="输入后按回车添加" tokenSeparators={[',', '，', '、']} open={false} />
        </Form.Item>
        <Space size={16} style={{ display: 'flex' }} align="start">
          <Form.Item name="staffingQuota" label="编制数">
            <InputNumber {...numberRange(UNIT.staffingQuota)} precision={0} style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="contactPerson" label="联系人" rules={textRules(UNIT.contactPerson, '联系人')}>
            <Input style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="contactPhone" label="联系电话" rules={textRules(UNIT.contactPhone, '联系电话')}>
            <Input style={{ width: 180 }} />
          </Form.Item>
        </Space>
        <Form.Item name="notes" label="备注" rules={textRules(UNIT.notes, '备注')}>
          <Input.TextArea rows={2} />
        </Form.Item>
        {/* Enter in any field submits, like a desktop dialog. */}
        <button type="submit" hidden aria-hidden />
      </Form>
    </Modal>
  );
}

export function UnitsPanel({ initialKind = null }: { initialKind?: UnitKind | null }) {
  const { data, error, loading, reload } = useApi(() => api['units.list']({}), 'units');
  const { message, modal } = App.useApp();
  const showUndo = useUndoNotice();
  const [query, setQuery] = useState('');
  const [kind, setKind] = useState<'全部' | UnitKind>(initialKind ?? '全部');
  const [editing, setEditing] = useState<{ unit: UnitRow | null } | null>(null);
  const searchRef = useRef<React.ComponentRef<typeof Input>>(null);
  useFindShortcut(searchRef);

  const units = useMemo(() => data?.units ?? [], [data]);
  const filtered = useMemo(() => {
    const q = query.trim();
    return units.filter((u) => (kind === '全部' || u.kind === kind) && (!q || u.name.includes(q) || (u.shortName ?? '').includes(q) || u.aliases.some((a) => a.includes(q))));
  }, [units, query, kind]);

  const remove = (unit: UnitRow) => {
    modal.confirm({
      title: `删除单位“${unit.name}”？`,
      content: '删除后可在提示中或“操作记录”里撤销。单位下有人员、事项或历史记录时不能删除。',
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        try {
          const { operationId } = await unwrap(api['units.delete']({ id: unit.id }));
          showUndo(`已删除单位“${unit.name}”`, operationId, reload);
          reload();
        } catch (err) {
          void message.error(errorMessage(err));
        }
      },
    });
  };

  const columns: TableColumn<UnitRow>[] = [
    { title: '序号', key: 'seq', width: 64, align: 'center', render: (_v, _r, i) => i + 1 },
    {
      title: '单位名称',
      dataIndex: 'name',
      sortValue: (u) => u.name,
      render: (name: string, u) => (
        <span>
          {name}
          {u.aliases.length > 0 ? (
            <Tooltip title={`别名：${u.aliases.join('、')}`}>
              <Tag style={{ marginLeft: 8 }}>{u.aliases.length} 个别名</Tag>
            </Tooltip>
          ) : null}
        </span>
      ),
    },
    { title: '简称', dataIndex: 'shortName', width: 160, sortValue: (u) => u.shortName, render: (v: string | null) => v ?? '—' },
    {
      title: '类型',
      dataIndex: 'kind',
      width: 110,
      sortValue: (u) => UNIT_KINDS.indexOf(u.kind),
      filterOptions: UNIT_KINDS.map(kindLabel),
      filterValue: (u) => kindLabel(u.kind),
      render: (k: UnitKind) => <Tag color={k === '市直单位' ? 'blue' : 'green'}>{kindLabel(k)}</Tag>,
    },
    {
      title: '执法主体',
      dataIndex: 'keepsInspectionLists',
      width: 110,
      align: 'center',
      sortValue: (u) => u.keepsInspectionLists,
      render: (v: boolean) => (v ? <Tag color="red">编制清单</Tag> : <span style={{ color: '#bbb' }}>—</span>),
    },
    { title: '人员', dataIndex: 'personnelCount', width: 80, align: 'right', sortValue: (u) => u.personnelCount },
    { title: '检查事项', dataIndex: 'inspectionItemCount', width: 96, align: 'right', sortValue: (u) => u.inspectionItemCount },
    { title: '联系人', dataIndex: 'contactPerson', width: 100, sortValue: (u) => u.contactPerson, render: (v: string | null) => v ?? '—' },
    {
      title: '操作',
      key: 'actions',
      width: 150,
      fixed: 'right',
      render: (_v, u) => (
        <Space size={0}>
          <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing({ unit: u })}>
            编辑
          </Button>
          <Button type="link" size="small" danger icon={<DeleteOutlined />} onClick={() => remove(u)}>
            删除
          </Button>
        </Space>
      ),
    },
  ];
  const table = useTableColumns('units', columns, filtered);

  return (
    <div>
      <Space style={{ marginBottom: 12, display: 'flex', justifyContent: 'space-between' }} wrap>
        <Space wrap>
          <Input
            ref={searchRef}
            allowClear
            prefix={<SearchOutlined />}
            placeholder="查找单位（Ctrl+F）"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            style={{ width: 260 }}
            data-testid="unit-search"
          />
          <Segmented
            options={['全部', ...UNIT_KINDS].map((k) => ({ value: k, label: k === '乡镇街道' ? '乡镇（街道）' : k }))}
            value={kind}
            onChange={(v) => setKind(v as typeof kind)}
            data-testid="unit-kind"
          />
          <span style={{ color: 'rgba(0,0,0,0.55)' }} data-testid="unit-count">
            共 {units.length} 个单位（市直 {units.filter((u) => u.kind === '市直单位').length}，乡镇（街道）{units.filter((u) => u.kind === '乡镇街道').length}）
          </span>
          {filtered.length !== units.length ? (
            <span style={{ color: 'rgba(0,0,0,0.55)' }} data-testid="unit-shown">
              列出 {filtered.length} 个
            </span>
          ) : null}
        </Space>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ unit: null })}>
          新增单位
        </Button>
      </Space>
      {error ? <div style={{ color: '#cf1322', marginBottom: 8 }}>{errorMessage(error)}</div> : null}
      <Table
        rowKey="id"
        size="middle"
        loading={loading}
        columns={table.columns}
        {...table.tableProps}
        dataSource={table.rows}
        pagination={false}
        scroll={{ x: table.scrollX, y: 'calc(100vh - 300px)' }}
        data-testid="units-table"
        onRow={(u) => ({ onDoubleClick: () => setEditing({ unit: u }) })}
      />
      {editing ? (
        <UnitEditor
          open
          unit={editing.unit}
          onClose={() => setEditing(null)}
          onSaved={(text, operationId) => {
            setEditing(null);
            showUndo(text, operationId, reload);
            reload();
          }}
        />
      ) : null}
    </div>
  );
}
