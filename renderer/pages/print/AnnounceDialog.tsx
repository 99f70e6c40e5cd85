import { App, DatePicker, Form, Input, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { contract } from '../../../shared/api/contract.ts';
import { api, errorMessage, unwrap } from '../../api/client.ts';
import { useTodayDayjs } from '../../app/registry-env.tsx';
import { useUndoNotice } from '../../app/undo-notice.tsx';
import { maxLengthOf } from '../../forms/contract-rules.ts';
import { DocNumberPreview } from '../../forms/DocNumberPreview.tsx';

/**
 * After the cancellation list was published: records its announcement date on every listed card,
 * so the next list starts where this one ended. Offers 撤销 like every other change.
 */
export function AnnounceDialog({ certificateIds, onClose, onDone }: { certificateIds: number[]; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<{ announceDate: Dayjs; docRef?: string }>();
  const { message } = App.useApp();
  const showUndo = useUndoNotice();
  const [saving, setSaving] = useState(false);
  const today = useTodayDayjs();
  const submit = async (v: { announceDate: Dayjs; docRef?: string }) => {
    setSaving(true);
    try {
      const { operationId, count } = await unwrap(api['certificates.announce']({ certificateIds, announceDate: v.announceDate.format('YYYY-MM-DD'), docRef: v.docRef?.trim() || null }));
      showUndo(`已登记 ${count} 人的注销公示日期`, operationId, onDone);
      onDone();
    } catch (err) {
      void message.error(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open title={`登记注销公示（${certificateIds.length} 人）`} okText="登记" cancelText="取消" confirmLoading={saving} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ announceDate: today }} onFinish={(v) => void submit(v)}>
        <Form.Item name="announceDate" label="公示日期" rules={[{ required: true, message: '请选择公示日期' }]}>
          <DatePicker disabledDate={(d) => d.isAfter(today, 'day')} allowClear={false} />
        </Form.Item>
        <Form.Item name="docRef" label="公告文号" extra={<DocNumberPreview name="docRef" />}>
          <Input maxLength={maxLengthOf(contract['certificates.announce'].input.shape.docRef)} placeholder="如：沅司公告〔2024〕5号" />
        </Form.Item>
        <button type="submit" hidden aria-hidden />
      </Form>
    </Modal>
  );
}
