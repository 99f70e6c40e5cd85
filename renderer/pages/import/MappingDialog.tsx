import { App, Checkbox, Form, Modal, Select, Table, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { FileCheck, SheetCheck } from '../../../shared/import/check-schema.ts';
import { SHAPES } from '../../../shared/import/column-synonyms.ts';
import { IMPORT_KIND_LABELS, IMPORT_KINDS, shapeOfKind, type ImportKind } from '../../../shared/import/import-kinds.ts';
import { api, errorMessage, unwrap } from '../../api/client.ts';
import { useApi } from '../../api/use-api.ts';

/**
 * Correcting what was recognised for one sheet: its kind (the four lists look alike), its agency,
 * and which column is which field. A confirmed mapping is remembered for that agency and header
 * layout, so the agency's next submission is read the same way without asking.
 */
export function MappingDialog({ file, sheet, open, onClose, onSaved }: { file: FileCheck; sheet: SheetCheck; open: boolean; onClose: () => void; onSaved: (f: FileCheck) => void }) {
  const { message } = App.useApp();
  const units = useApi(() => api['units.list']({}), 'mapping-units');
  const guessKind = (): ImportKind | undefined => {
    if (sheet.kind !== 'skipped') return sheet.kind;
    const fields = new Set(sheet.columns.map((c) => c.field));
    if (fields.has('id_number')) return 'personnel';
    if (fields.has('category') || fields.has('target')) return 'inspection_items';
    return undefined;
  };
  const [kind, setKind] = useState<ImportKind | undefined>(guessKind);
  const [unitId, setUnitId] = useState<number | undefined>(sheet.agency?.unitId ?? undefined);
  const [mapping, setMapping] = useState<Record<string, string | null>>(() => Object.fromEntries(sheet.columns.map((c) => [c.column, c.field])));
  const [remember, setRemember] = useState(true);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!open) return;
    setKind(guessKind());
    setUnitId(sheet.agency?.unitId ?? undefined);
    setMapping(Object.fromEntries(sheet.columns.map((c) => [c.column, c.field])));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reset only when the dialog opens (or opens for another sheet), not on every re-check
  }, [open, sheet.index]);

  const fieldOptions = useMemo(() => {
    const shape = kind ? shapeOfKind(kind) : null;
    const fields = shape ? SHAPES[shape].fields : [];
    return [{ value: '', label: '（不导入）' }, ...fields.map((f) => ({ value: f.key, label: f.key === 'seq' ? '序号（不导入）' : f.label }))];
  }, [kind]);

  const save = async () => {
    setSaving(true);
    try {
      const changedMapping = sheet.columns.some((c) => (mapping[c.column] ?? null) !== c.field);
      const updated = await unwrap(
        api['import.setSheetOptions']({
          checkId: file.checkId,
          sheetIndex: sheet.index,
          ...(kind && kind !== sheet.kind ? { kind } : {}),
          ...(unitId !== undefined && unitId !== sheet.agency?.unitId ? { unitId } : {}),
          ...(changedMapping ? { mapping } : {}),
          remember,
        }),
      );
      onSaved(updated);
      onClose();
      void message.success(changedMapping && remember ? '已更正并记住这种表头的列对应，下次自动使用' : '已更正，重新检查完成');
    } catch (err) {
      void message.error(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={`列对应：工作表“${sheet.sheet}”`}
      width={720}
      okText="保存并重新检查"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => void save()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form layout="inline" style={{ marginBottom: 12, rowGap: 8 }}>
        <Form.Item label="表格类型">
          <Select<ImportKind>
            style={{ width: 240 }}
            value={kind}
            placeholder="请选择"
            onChange={setKind}
            options={IMPORT_KINDS.map((k) => ({ value: k, label: IMPORT_KIND_LABELS[k] }))}
            data-testid="mapping-kind"
          />
        </Form.Item>
        <Form.Item label="报送单位">
          <Select<number>
            style={{ width: 240 }}
            value={unitId}
            placeholder="请选择"
            showSearch
            optionFilterProp="label"
            onChange={setUnitId}
            options={(units.data?.units ?? []).map((u) => ({ value: u.id, label: u.name }))}
            data-testid="mapping-unit"
          />
        </Form.Item>
      </Form>
      <Table
        rowKey="column"
        size="small"
        pagination={false}
        scroll={{ y: 320 }}
        dataSource={sheet.columns}
        columns={[
          { title: '列', dataIndex: 'column', width: 50 },
          { title: '表头', dataIndex: 'header', ellipsis: true },
          {
            title: '对应字段',
            key: 'field',
            width: 220,
            render: (_v, c) => (
              <Select
                size="small"
                style={{ width: 200 }}
                value={mapping[c.column] ?? ''}
                onChange={(v: string) => setMapping((m) => ({ ...m, [c.column]: v === '' ? null : v }))}
                options={fieldOptions}
                data-testid={`mapping-field-${c.column}`}
              />
            ),
          },
        ]}
      />
      <div style={{ marginTop: 12 }}>
        <Checkbox checked={remember} onChange={(e) => setRemember(e.target.checked)}>
          记住这个单位这种表头的列对应
        </Checkbox>
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4 }}>
          同一列不能对应两个字段；不需要的列选“不导入”。
        </Typography.Text>
      </div>
    </Modal>
  );
}
