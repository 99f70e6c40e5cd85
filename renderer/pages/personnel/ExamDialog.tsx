import { App, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { EXAM_TYPES, type ExamType } from '../../../shared/domain/certificate-vocabulary.ts';
import { api, errorMessage, unwrap } from '../../api/client.ts';

interface Values {
  examType: ExamType;
  examDate: Dayjs;
  score: number | null;
  passed: boolean;
  notes?: string;
}

/** Records an exam; a pass moves a waiting application (待考试) to 考试合格 in the same step. */
export function ExamDialog({ personId, personName, onClose, onSaved }: { personId: number; personName: string; onClose: () => void; onSaved: (text: string, operationId: number | null) => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const submit = async (v: Values) => {
    setSaving(true);
    try {
      const result = await unwrap(
        api['certificates.recordExam']({ personId, examType: v.examType, examDate: v.examDate.format('YYYY-MM-DD'), score: v.score ?? null, passed: v.passed, notes: v.notes?.trim() || null }),
      );
      onSaved(`已登记${personName}的考试成绩${result.advancedCertType ? `，${result.advancedCertType}申领已转为“考试合格”` : ''}`, result.operationId);
    } catch (err) {
      void message.error(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open title={`登记考试成绩：${personName}`} okText="保存" cancelText="取消" confirmLoading={saving} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ examType: '通用法律知识', examDate: dayjs(), score: null, passed: true }}
        onFinish={(v) => void submit(v)}
        onValuesChange={(changed: Partial<Values>) => {
          if (typeof changed.score === 'number') form.setFieldValue('passed', changed.score >= 60);
        }}
      >
        <Form.Item name="examType" label="考试类型" rules={[{ required: true }]}>
          <Select options={EXAM_TYPES.map((t) => ({ value: t, label: t }))} />
        </Form.Item>
        <Form.Item name="examDate" label="考试日期" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} allowClear={false} />
        </Form.Item>
        <Form.Item name="score" label="成绩（分）">
          <InputNumber min={0} max={100} step={0.5} style={{ width: 120 }} />
        </Form.Item>
        <Form.Item name="passed" valuePropName="checked">
          <Checkbox>考试合格</Checkbox>
        </Form.Item>
        <Form.Item name="notes" label="备注" rules={[{ max: 200 }]}>
          <Input />
        </Form.Item>
        <button type="submit" hidden aria-hidden />
      </Form>
    </Modal>
  );
}
