import { App, DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { CertificateRecord } from '../../../shared/api/methods/personnel.ts';
import { contract } from '../../../shared/api/contract.ts';
import { certNumberSchema } from '../../../shared/api/methods/certificates.ts';
import { api, errorMessage, unwrap } from '../../api/client.ts';
import { maxLengthOf, textRules } from '../../forms/contract-rules.ts';

const CORRECTION = contract['certificates.correct'].input.shape;

interface Values {
  certNumber: string;
  issueDate: Dayjs;
  expiryDate: Dayjs;
  reason: string;
}

/** 信息更正: fixes a typo in a card's number or dates; the old values stay in the card's history. */
export function CorrectionDialog({ card, onClose, onSaved }: { card: CertificateRecord; onClose: () => void; onSaved: (text: string, operationId: number | null) => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const submit = async (v: Values) => {
    setSaving(true);
    try {
      const { operationId } = await unwrap(
        api['certificates.correct']({
          certificateId: card.id,
          certNumber: v.certNumber.trim(),
          issueDate: v.issueDate.format('YYYY-MM-DD'),
          expiryDate: v.expiryDate.format('YYYY-MM-DD'),
          reason: v.reason.trim(),
        }),
      );
      onSaved(`已更正证件 ${v.certNumber.trim()} 的信息`, operationId);
    } catch (err) {
      void message.error(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open title={`更正证件信息：${card.certNumber ?? ''}`} okText="保存" cancelText="取消" confirmLoading={saving} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          certNumber: card.certNumber ?? '',
          issueDate: card.issueDate ? dayjs(card.issueDate) : undefined,
          expiryDate: card.expiryDate ? dayjs(card.expiryDate) : undefined,
          reason: '',
        }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item name="certNumber" label="证件编号" rules={[...textRules(certNumberSchema, '证件编号'), { pattern: /^\S+$/, message: '证件编号中不能有空格' }]}>
          <Input className="tabular" />
        </Form.Item>
        <Form.Item name="issueDate" label="发证日期" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker allowClear={false} />
        </Form.Item>
        <Form.Item name="expiryDate" label="有效期至" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker allowClear={false} />
        </Form.Item>
        <Form.Item name="reason" label="更正原因" rules={textRules(CORRECTION.reason, '更正原因')}>
          <Input maxLength={maxLengthOf(CORRECTION.reason)} placeholder="如：录入时证号抄错" />
        </Form.Item>
        <button type="submit" hidden aria-hidden />
      </Form>
    </Modal>
  );
}
