import { App, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { EXAM_TYPES, type ExamType } from '../../../shared/domain/certificate-vocabulary.ts';
import { contract } from '../../../shared/api/contract.ts';
import { api, errorMessage, unwrap } from '../../api/client.ts';
import { useSettings, useTodayDayjs } from '../../app/registry-env.tsx';
import { numberRange, textRules } from '../../forms/contract-rules.ts';

const EXAM = contract['certificates.recordExam'].input.shape;

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
  const today = useTodayDayjs();
  const { examPassMark } = useSettings();
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
        initialValues={{ examType: '通用法律知识', examDate: today, score: null, passed: true }}
        onFinish={(v) => void submit(v)}
        onValuesChange={(changed: Partial<Values>) => {
          if (typeof changed.score === 'number') form.setFieldValue('passed', changed.score >= examPassMark);
        }}
      >
        <Form.Item name="examType" label="考试类型" rules={[{ required: true }]}>
          <Select options={EXAM_TYPES.map((t) => ({ value: t, label: t }))} />
        </Form.Item>
        <Form.Item name="examDate" label="考试日期" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker disabledDate={(d) => d.isAfter(today, 'day')} allowClear={false} />
        </Form.Item>
        <Form.Item name="score" label="成绩（分）" tooltip={`${examPassMark} 分及以上为合格（设置 › 业务规则）`}>
          <InputNumber {...numberRange(EXAM.score)} step={0.5} style={{ width: 120 }} />
        </Form.Item>
        <Form.Item name="passed" valuePropName="checked">
          <Checkbox>考试合格</Checkbox>
        </Form.Item>
        <Form.Item name="notes" label="备注" rules={textRules(EXAM.notes, '备注')}>
          <Input />
        </Form.Item>
        <button type="submit" hidden aria-hidden />
      </Form>
    </Modal>
  );
}
