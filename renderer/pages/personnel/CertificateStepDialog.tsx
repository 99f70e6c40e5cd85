import { Alert, App, Col, DatePicker, Form, Input, Modal, Row, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { certificateStepBase, certNumberSchema, type CertificateStepInput } from '../../../shared/api/methods/certificates.ts';
import type { CertificateRecord } from '../../../shared/api/methods/personnel.ts';
import type { CertAction } from '../../../shared/domain/certificate-rules.ts';
import { CANCEL_REASONS, type CancelReason, type CertType } from '../../../shared/domain/certificate-vocabulary.ts';
import { validityEnd } from '../../../shared/domain/dates.ts';
import { api, errorMessage, unwrap } from '../../api/client.ts';
import { useTodayDayjs } from '../../app/registry-env.tsx';
import { maxLengthOf, textRules } from '../../forms/contract-rules.ts';
import { DocNumberPreview } from '../../forms/DocNumberPreview.tsx';

interface Values {
  date: Dayjs;
  reason?: string;
  docRef?: string;
  certNumber?: string;
  expiryDate?: Dayjs;
  cancelReason?: CancelReason;
  announceDate?: Dayjs | null;
}

const HINTS: Partial<Record<CertAction, string>> = {
  申领: '登记申领后，证件状态为“待考试”；考试合格后才能发证。',
  考试合格: '需已登记合格的考试成绩。',
  发证: '须有考试合格记录。有效期默认按设置中的年限计算，可修改。',
  换证: '原证件将标记为“已换发”，新证件自换证日期起生效。须有本次换证考试合格记录。',
  补发: '证件遗失或损毁时补发新证号，有效期与原证件相同；原证号作废。',
  暂扣: '暂扣期间不能执法，也不能换证；解除暂扣后恢复有效。',
  吊销: '吊销后不能再办理任何证件业务。',
  注销: '注销后此人不再计入持证人数，并列入下一期注销公示名单。',
};

const ISO = 'YYYY-MM-DD';

/**
 * One lifecycle step for one card: the dialog is the confirmation (it says what will happen), and
 * the 撤销 notice after saving undoes it. Refusals come back from the backend's rule check.
 */
export function CertificateStepDialog({
  personId,
  personName,
  certType,
  action,
  current,
  validityYears,
  onClose,
  onDone,
}: {
  personId: number;
  personName: string;
  certType: CertType;
  action: CertAction;
  current: CertificateRecord | null;
  validityYears: number;
  onClose: () => void;
  onDone: (text: string, operationId: number | null) => void;
}) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const [expiryTouched, setExpiryTouched] = useState(false);
  const needsNumber = action === '发证' || action === '换证' || action === '补发';
  const needsExpiry = action === '发证' || action === '换证';
  const reasonRequired = action === '暂扣' || action === '吊销';
  const today = useTodayDayjs();

  const submit = async (v: Values) => {
    setSaving(true);
    const base = {
      personId,
      certType,
      date: v.date.format(ISO),
      reason: v.reason?.trim() || null,
      docRef: v.docRef?.trim() || null,
    };
    let step: CertificateStepInput;
    switch (action) {
      case '发证':
      case '换证':
        step = { action, ...base, certNumber: (v.certNumber ?? '').trim(), expiryDate: v.expiryDate ? v.expiryDate.format(ISO) : null };
        break;
      case '补发':
        step = { action, ...base, certNumber: (v.certNumber ?? '').trim() };
        break;
      case '暂扣':
      case '吊销':
        step = { action, ...base, reason: v.reason?.trim() ?? '' };
        break;
      case '注销':
        step = { action, ...base, cancelReason: v.cancelReason ?? '其他', announceDate: v.announceDate ? v.announceDate.format(ISO) : null };
        break;
      default:
        step = { action, ...base };
    }
    try {
      const { operationId } = await unwrap(api['certificates.transition'](step));
      onDone(`已办理${action}：${personName}的${certType}`, operationId);
    } catch (err) {
      void message.error(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={`${action}：${personName}的${certType}`}
      okText={action === '吊销' || action === '注销' ? `确认${action}` : '保存'}
      okButtonProps={{ danger: action === '吊销' || action === '注销', 'data-testid': 'step-ok' }}
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={560}
    >
      {current?.certNumber ? (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
          当前证件：{current.certNumber}（{current.status}
          {current.expiryDate ? `，有效期至 ${current.expiryDate}` : ''}）
        </Typography.Paragraph>
      ) : null}
      {HINTS[action] ? <Alert type={action === '吊销' || action === '注销' ? 'warning' : 'info'} showIcon message={HINTS[action]} style={{ marginBottom: 16 }} /> : null}
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        initialValues={{ date: today, expiryDate: needsExpiry ? dayjs(validityEnd(today.format(ISO), validityYears)) : undefined }}
        onValuesChange={(changed: Partial<Values>) => {
          if (changed.date && needsExpiry && !expiryTouched) form.setFieldValue('expiryDate', dayjs(validityEnd(changed.date.format(ISO), validityYears)));
          if (changed.expiryDate) setExpiryTouched(true);
        }}
        data-testid="step-form"
      >
        <Row gutter={16}>
          {action === '注销' ? (
            <Col span={12}>
              <Form.Item name="cancelReason" label="注销原因" rules={[{ required: true, message: '请选择注销原因' }]}>
                <Select options={CANCEL_REASONS.map((r) => ({ value: r, label: r }))} placeholder="选择原因" data-testid="cancel-reason" />
              </Form.Item>
            </Col>
          ) : null}
          <Col span={12}>
            <Form.Item name="date" label={`${action}日期`} rules={[{ required: true, message: '请选择日期' }]}>
              <DatePicker disabledDate={(d) => d.isAfter(today, 'day')} allowClear={false} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          {needsNumber ? (
            <Col span={12}>
              <Form.Item
                name="certNumber"
                label={action === '发证' ? '证件编号' : '新证件编号'}
                rules={[...textRules(certNumberSchema, '证件编号'), { pattern: /^\S+$/, message: '证件编号中不能有空格' }]}
              >
                <Input autoFocus className="tabular" />
              </Form.Item>
            </Col>
          ) : null}
          {needsExpiry ? (
            <Col span={12}>
              <Form.Item name="expiryDate" label="有效期至" rules={[{ required: true, message: '请选择有效期' }]} tooltip={`默认 ${validityYears} 年（至周年前一日），可修改`}>
                <DatePicker allowClear={false} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          ) : null}
          {action === '注销' ? (
            <Col span={12}>
              <Form.Item name="announceDate" label="公示日期" tooltip="已经公示的填写公示日期；尚未公示的留空，之后在“导出与打印 › 注销公示名单”中登记。">
                <DatePicker disabledDate={(d) => d.isAfter(today, 'day')} style={{ width: '100%' }} placeholder="尚未公示" />
              </Form.Item>
            </Col>
          ) : null}
          <Col span={12}>
            <Form.Item name="docRef" label="文号" extra={<DocNumberPreview name="docRef" />}>
              <Input maxLength={maxLengthOf(certificateStepBase.docRef)} placeholder="如：沅司决〔2024〕3号" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="reason" label={action === '注销' ? '说明' : '事由'} rules={reasonRequired ? [{ required: true, whitespace: true, message: `请填写${action}事由` }] : []}>
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} maxLength={maxLengthOf(certificateStepBase.reason)} data-testid="step-reason" />
            </Form.Item>
          </Col>
        </Row>
        <button type="submit" hidden aria-hidden />
      </Form>
    </Modal>
  );
}
