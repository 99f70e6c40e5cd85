import { App, AutoComplete, DatePicker, Form, Input, InputNumber, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { TrainingRecord } from '../../../shared/api/methods/personnel.ts';
import { contract } from '../../../shared/api/contract.ts';
import { api, errorMessage, unwrap } from '../../api/client.ts';
import { useTodayDayjs } from '../../app/registry-env.tsx';
import { numberRange, textRules } from '../../forms/contract-rules.ts';

const TRAINING = contract['training.add'].input.shape;

interface Values {
  trainingDate: Dayjs;
  course: string;
  hours: number;
  organiser?: string;
  notes?: string;
}

const COMMON_COURSES = ['习近平法治思想专题培训', '行政执法“三项制度”专题培训', '《中华人民共和国行政处罚法》专题培训', '行政执法案卷制作规范培训', '国家工作人员网络学法（湖南省学法考法平台）'];

/** Registers one course for one or many people (a training session), or edits one record. */
export function TrainingDialog({
  personIds,
  record,
  onClose,
  onSaved,
}: {
  personIds: number[];
  record?: TrainingRecord;
  onClose: () => void;
  onSaved: (text: string, operationId: number | null) => void;
}) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const today = useTodayDayjs();
  const [saving, setSaving] = useState(false);
  const submit = async (v: Values) => {
    setSaving(true);
    const values = {
      trainingDate: v.trainingDate.format('YYYY-MM-DD'),
      course: v.course.trim(),
      hours: v.hours,
      organiser: v.organiser?.trim() || null,
      notes: v.notes?.trim() || null,
    };
    try {
      if (record) {
        const { operationId } = await unwrap(api['training.update']({ id: record.id, ...values }));
        onSaved('已修改培训记录', operationId);
      } else {
        const { operationId, count } = await unwrap(api['training.add']({ personIds, ...values }));
        onSaved(`已为 ${count} 人登记培训“${values.course}”（${values.hours} 学时）`, operationId);
      }
    } catch (err) {
      void message.error(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      title={record ? '修改培训记录' : personIds.length === 1 ? '登记培训' : `为已选的 ${personIds.length} 人登记培训`}
      okText="保存"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        initialValues={
          record
            ? { trainingDate: dayjs(record.trainingDate), course: record.course, hours: record.hours, organiser: record.organiser ?? undefined, notes: record.notes ?? undefined }
            : { trainingDate: today, organiser: '' }
        }
      >
        <Form.Item name="trainingDate" label="培训日期" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker disabledDate={(d) => d.isAfter(today, 'day')} />
        </Form.Item>
        <Form.Item name="course" label="培训内容" rules={textRules(TRAINING.course, '培训内容')}>
          <AutoComplete options={COMMON_COURSES.map((c) => ({ value: c }))} />
        </Form.Item>
        <Form.Item name="hours" label="学时" rules={[{ required: true, message: '请填写学时' }]}>
          <InputNumber min={0.5} max={numberRange(TRAINING.hours).max} step={0.5} style={{ width: 120 }} />
        </Form.Item>
        <Form.Item name="organiser" label="组织单位" rules={textRules(TRAINING.organiser, '组织单位')}>
          <Input placeholder="如：沅江市司法局" />
        </Form.Item>
        <Form.Item name="notes" label="备注" rules={textRules(TRAINING.notes, '备注')}>
          <Input />
        </Form.Item>
        <button type="submit" hidden aria-hidden />
      </Form>
    </Modal>
  );
}
