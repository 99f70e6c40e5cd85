import { App, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { CERT_TYPES } from '../../../shared/domain/certificate-vocabulary.ts';
import { INSPECTION_CATEGORIES } from '../../../shared/domain/list-kinds.ts';
import { PERSONNEL_KINDS, REPORTED_STAFFING_TYPES, SEXES } from '../../../shared/domain/personnel-fields.ts';
import type { FileCheck, SheetCheck } from '../../../shared/import/check-schema.ts';
import { SHAPES } from '../../../shared/import/column-synonyms.ts';
import type { TableShape } from '../../../shared/import/import-kinds.ts';
import { api, errorMessage, unwrap } from '../../api/client.ts';

/**
 * 批量填写: one value for a column wherever it is empty — in every sheet of the file that has that
 * kind of table (编制类型 = 行政编制 for a roster without the column), or only in the rows the clerk
 * ticked. The filled cells are corrections like any other (the error workbook lists them) and the
 * file is checked again.
 */

/** The values a fixed-vocabulary field takes (a dropdown); other fields take free text. */
const CHOICES: Readonly<Record<string, readonly string[]>> = {
  staffing_type: REPORTED_STAFFING_TYPES,
  sex: SEXES,
  personnel_kind: PERSONNEL_KINDS,
  cert_type: CERT_TYPES,
  category: INSPECTION_CATEGORIES,
  is_legal_reviewer: ['是', '否'],
  keeps_lists: ['是', '否'],
  kind: ['市直单位', '乡镇（街道）'],
};

/** Fields worth filling for a whole file: not the ones that identify a row. */
const NOT_FILLABLE = new Set(['seq', 'name', 'id_number', 'cert_number', 'item_code', 'violation']);

export function FillDialog({
  file,
  sheet,
  shape,
  selectedRows,
  open,
  onClose,
  onFilled,
}: {
  file: FileCheck;
  sheet: SheetCheck;
  shape: TableShape;
  selectedRows: readonly number[];
  open: boolean;
  onClose: () => void;
  onFilled: (f: FileCheck) => void;
}) {
  const { message } = App.useApp();
  const fields = useMemo(() => SHAPES[shape].fields.filter((f) => !NOT_FILLABLE.has(f.key)), [shape]);
  // The first field the sheet is missing a value for is the likely one (编制类型 in a roster without it).
  const suggested = sheet.issues.find((i) => i.field && i.severity !== 'note' && fields.some((f) => f.key === i.field))?.field ?? fields[0]?.key ?? '';
  const [field, setField] = useState(suggested);
  const [value, setValue] = useState('');
  const [scope, setScope] = useState<'file' | 'selection'>('file');
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!open) return;
    setField(suggested);
    setValue('');
    setScope(selectedRows.length > 0 ? 'selection' : 'file');
    // Reset when the dialog opens, not on every re-check (the suggestion and selection change as the file is checked again).
    // eslint-disable-next-line react-hooks/exhaustive-deps -- deliberately keyed on opening only
  }, [open]);

  const choices = CHOICES[field];
  const save = async () => {
    setSaving(true);
    try {
      const result = await unwrap(
        api['import.fillEmpty']({
          checkId: file.checkId,
          field,
          value,
          ...(scope === 'selection' ? { sheetIndex: sheet.index, rows: [...selectedRows] } : {}),
        }),
      );
      onFilled(result.file);
      onClose();
      const label = fields.find((f) => f.key === field)?.label ?? field;
      void message.success(result.filled > 0 ? `已为 ${result.filled} 行填写“${label}”为“${value}”，并重新检查` : `没有“${label}”为空的行`);
    } catch (err) {
      void message.error(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title="批量填写"
      okText="填写并重新检查"
      cancelText="取消"
      okButtonProps={{ disabled: value.trim() === '' || field === '' }}
      confirmLoading={saving}
      onOk={() => void save()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form layout="vertical">
        <Form.Item label="列">
          <Select
            value={field}
            onChange={(v: string) => {
              setField(v);
              setValue('');
            }}
            options={fields.map((f) => ({ value: f.key, label: f.label }))}
            data-testid="fill-field"
          />
        </Form.Item>
        <Form.Item label="填入的内容">
          {choices ? (
            <Select value={value || undefined} placeholder="请选择" onChange={(v: string) => setValue(v)} options={choices.map((c) => ({ value: c, label: c }))} data-testid="fill-value" />
          ) : (
            <Input value={value} onChange={(e) => setValue(e.target.value)} maxLength={200} data-testid="fill-value" />
          )}
        </Form.Item>
        <Form.Item label="范围">
          <Radio.Group value={scope} onChange={(e) => setScope(e.target.value as 'file' | 'selection')}>
            <Radio value="file">本文件中这一列为空的所有行</Radio>
            <Radio value="selection" disabled={selectedRows.length === 0}>
              勾选的 {selectedRows.length} 行（为空的）
            </Radio>
          </Radio.Group>
        </Form.Item>
        <Typography.Text type="secondary">只填写空白的单元格，已填写的内容不会被覆盖。填写的内容在导出的检查结果中标为“已在台账中更正”。</Typography.Text>
      </Form>
    </Modal>
  );
}
