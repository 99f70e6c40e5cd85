import { App, Col, Form, Input, Modal, Radio, Row, Select, Typography } from 'antd';
import { useState, type KeyboardEvent } from 'react';
import {
  inspectionItemInputSchema,
  listItemInputSchema,
  type AgencySummary,
  type InspectionItemInput,
  type InspectionItemRow,
  type ListItemInput,
  type ListItemRow,
} from '../../../shared/api/methods/catalog.ts';
import { INSPECTION_ITEM_LABELS, listItemFieldsOf, listItemLabel } from '../../../shared/domain/catalog-fields.ts';
import { INSPECTION_CATEGORIES, LIST_KIND_LABELS, LIST_KINDS, type ListKind } from '../../../shared/domain/list-kinds.ts';
import { api, errorMessage, unwrap } from '../../api/client.ts';
import { textRules } from '../../forms/contract-rules.ts';

const ITEM = inspectionItemInputSchema.shape;
const LIST_ITEM = listItemInputSchema.shape;

const { TextArea } = Input;

/**
 * Ctrl+Enter saves from anywhere in the form; plain Enter saves from a one-line field and is a line
 * break in a multi-line one (the cells of a catalog are multi-line text).
 */
function ctrlEnterSubmits(submit: () => void) {
  return (e: KeyboardEvent<HTMLElement>) => {
    if (e.key !== 'Enter' || e.nativeEvent.isComposing) return;
    const target = e.target as HTMLElement;
    const oneLine = target.tagName === 'INPUT' && (target as HTMLInputElement).type === 'text' && !target.closest('.ant-select');
    if (e.ctrlKey || e.metaKey || oneLine) {
      e.preventDefault();
      submit();
    }
  };
}

function agencyOptions(agencies: readonly AgencySummary[]) {
  return agencies.map((a) => ({ value: a.unitId, label: a.name }));
}

const blank = (v: string | undefined | null) => (v === undefined || v === null ? null : v);

type ItemForm = Omit<InspectionItemInput, 'itemCode'> & { itemCode?: string | null };

export function ItemEditor({
  item,
  defaultUnitId,
  agencies,
  onClose,
  onSaved,
}: {
  item: InspectionItemRow | null;
  defaultUnitId: number | null;
  agencies: readonly AgencySummary[];
  onClose: () => void;
  onSaved: (text: string, operationId: number | null, id: number) => void;
}) {
  const [form] = Form.useForm<ItemForm>();
  const [saving, setSaving] = useState(false);
  const { message } = App.useApp();
  const initial: Partial<ItemForm> = item ? { ...item } : { unitId: defaultUnitId ?? agencies[0]?.unitId, category: '一般检查事项' };

  const submit = async (values: ItemForm) => {
    setSaving(true);
    const input: InspectionItemInput = {
      unitId: values.unitId,
      itemCode: blank(values.itemCode),
      name: values.name,
      category: values.category,
      basis: blank(values.basis),
      subject: blank(values.subject),
      undertakingBody: blank(values.undertakingBody),
      target: blank(values.target),
      content: blank(values.content),
      method: blank(values.method),
      frequency: blank(values.frequency),
      notes: blank(values.notes),
    };
    try {
      if (item) {
        const { operationId } = await unwrap(api['catalog.update']({ ...input, id: item.id }));
        onSaved(`已保存检查事项“${values.name.trim().slice(0, 30)}”`, operationId, item.id);
      } else {
        const { id, operationId } = await unwrap(api['catalog.create'](input));
        onSaved(`已新增检查事项“${values.name.trim().slice(0, 30)}”`, operationId, id);
      }
    } catch (err) {
      void message.error(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };
  const keys = ctrlEnterSubmits(() => form.submit());
  const text = (name: 'basis' | 'subject' | 'undertakingBody' | 'target' | 'content' | 'method' | 'frequency' | 'notes', rows = 2) => (
    <Form.Item name={name} label={INSPECTION_ITEM_LABELS[name]} rules={textRules(ITEM[name], INSPECTION_ITEM_LABELS[name])}>
      <TextArea autoSize={{ minRows: rows, maxRows: 8 }} />
    </Form.Item>
  );

  return (
    <Modal
      open
      title={item ? `编辑检查事项：${item.name.slice(0, 24)}` : '新增检查事项'}
      okText="保存"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={800}
      styles={{ body: { maxHeight: 'calc(100vh - 220px)', overflowY: 'auto', paddingRight: 8 } }}
      footer={(_, { OkBtn, CancelBtn }) => (
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
          <Typography.Text type="secondary">多行文字中 Enter 换行，Ctrl+Enter 保存</Typography.Text>
          <span style={{ display: 'inline-flex', gap: 8 }}>
            <CancelBtn />
            <OkBtn />
          </span>
        </div>
      )}
    >
      <Form form={form} layout="vertical" initialValues={initial} onFinish={(v) => void submit(v)} preserve={false} data-testid="item-editor" onKeyDown={keys}>
        <Row gutter={16}>
          <Col span={14}>
            <Form.Item name="unitId" label="所属单位" rules={[{ required: true, message: '请选择单位' }]}>
              <Select options={agencyOptions(agencies)} showSearch={{ optionFilterProp: 'label' }} />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name="itemCode" label={INSPECTION_ITEM_LABELS.itemCode} rules={textRules(ITEM.itemCode, INSPECTION_ITEM_LABELS.itemCode)}>
              <Input placeholder="可不填" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="name" label={INSPECTION_ITEM_LABELS.name} rules={textRules(ITEM.name, INSPECTION_ITEM_LABELS.name)}>
          <TextArea autoSize={{ minRows: 1, maxRows: 4 }} autoFocus />
        </Form.Item>
        <Form.Item name="category" label={INSPECTION_ITEM_LABELS.category} rules={[{ required: true, message: '请选择检查类别' }]}>
          <Radio.Group options={INSPECTION_CATEGORIES.map((c) => ({ value: c, label: c }))} />
        </Form.Item>
        {text('basis')}
        <Row gutter={16}>
          <Col span={12}>{text('subject', 1)}</Col>
          <Col span={12}>{text('undertakingBody', 1)}</Col>
        </Row>
        {text('target', 1)}
        {text('content', 3)}
        <Row gutter={16}>
          <Col span={12}>{text('method', 1)}</Col>
          <Col span={12}>{text('frequency', 1)}</Col>
        </Row>
        {text('notes', 1)}
      </Form>
    </Modal>
  );
}

type ListForm = ListItemInput;

export function ListEntryEditor({
  entry,
  defaultUnitId,
  defaultKind,
  agencies,
  onClose,
  onSaved,
}: {
  entry: ListItemRow | null;
  defaultUnitId: number | null;
  defaultKind: ListKind;
  agencies: readonly AgencySummary[];
  onClose: () => void;
  onSaved: (text: string, operationId: number | null, id: number) => void;
}) {
  const [form] = Form.useForm<ListForm>();
  const [saving, setSaving] = useState(false);
  const { message } = App.useApp();
  const kind = (Form.useWatch('listKind', form) as ListKind | undefined) ?? entry?.listKind ?? defaultKind;
  const initial: Partial<ListForm> = entry ? { ...entry } : { unitId: defaultUnitId ?? agencies[0]?.unitId, listKind: defaultKind };

  const submit = async (values: ListForm) => {
    setSaving(true);
    const input: ListItemInput = {
      unitId: values.unitId,
      listKind: values.listKind,
      matter: blank(values.matter),
      violation: values.violation,
      violationBasis: blank(values.violationBasis),
      penaltyBasis: blank(values.penaltyBasis),
      conditions: blank(values.conditions),
      // 裁量幅度 is asked only for the 减轻 list; an existing value elsewhere is kept as it was.
      discretion: blank(values.discretion ?? entry?.discretion),
      notes: blank(values.notes),
    };
    try {
      if (entry) {
        const { operationId } = await unwrap(api['lists.update']({ ...input, id: entry.id }));
        onSaved(`已保存清单事项“${values.violation.trim().slice(0, 30)}”`, operationId, entry.id);
      } else {
        const { id, operationId } = await unwrap(api['lists.create'](input));
        onSaved(`已新增清单事项“${values.violation.trim().slice(0, 30)}”`, operationId, id);
      }
    } catch (err) {
      void message.error(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };
  const keys = ctrlEnterSubmits(() => form.submit());
  const fields = listItemFieldsOf(kind);

  return (
    <Modal
      open
      title={entry ? `编辑清单事项：${entry.violation.slice(0, 24)}` : '新增清单事项'}
      okText="保存"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={800}
      styles={{ body: { maxHeight: 'calc(100vh - 220px)', overflowY: 'auto', paddingRight: 8 } }}
      footer={(_, { OkBtn, CancelBtn }) => (
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
          <Typography.Text type="secondary">多行文字中 Enter 换行，Ctrl+Enter 保存</Typography.Text>
          <span style={{ display: 'inline-flex', gap: 8 }}>
            <CancelBtn />
            <OkBtn />
          </span>
        </div>
      )}
    >
      <Form form={form} layout="vertical" initialValues={initial} onFinish={(v) => void submit(v)} preserve={false} data-testid="list-editor" onKeyDown={keys}>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="unitId" label="所属单位" rules={[{ required: true, message: '请选择单位' }]}>
              <Select options={agencyOptions(agencies)} showSearch={{ optionFilterProp: 'label' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="listKind" label="清单" rules={[{ required: true, message: '请选择清单' }]}>
              <Select options={LIST_KINDS.map((k) => ({ value: k, label: LIST_KIND_LABELS[k] }))} />
            </Form.Item>
          </Col>
        </Row>
        {fields.map((f) => (
          <Form.Item key={f} name={f} label={listItemLabel(kind, f)} rules={textRules(LIST_ITEM[f], listItemLabel(kind, f))}>
            <TextArea autoSize={{ minRows: f === 'conditions' ? 3 : 1, maxRows: 8 }} autoFocus={f === 'violation'} />
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}
