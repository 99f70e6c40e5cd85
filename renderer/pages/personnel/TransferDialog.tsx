import { Alert, App, AutoComplete, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { PersonDetail } from '../../../shared/api/methods/personnel.ts';
import { contract } from '../../../shared/api/contract.ts';
import { api, errorMessage, unwrap } from '../../api/client.ts';
import { useTodayDayjs } from '../../app/registry-env.tsx';
import { maxLengthOf, textRules } from '../../forms/contract-rules.ts';
import { useApi } from '../../api/use-api.ts';
import { DocNumberPreview } from '../../forms/DocNumberPreview.tsx';

const TRANSFER = contract['personnel.transfer'].input.shape;

interface Values {
  toUnitId?: number;
  date: Dayjs;
  docRef?: string;
  notes?: string;
  post?: string;
  enforcementCategory?: string;
  enforcementScope?: string;
}

/** 调入调出: the person moves with their whole history; the transfer is kept on record. */
export function TransferDialog({ person, onClose, onSaved }: { person: PersonDetail['person']; onClose: () => void; onSaved: (text: string, operationId: number | null) => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const today = useTodayDayjs();
  const units = useApi(() => api['units.list']({}), 'transfer-units');
  const vocabulary = useApi(() => api['personnel.vocabulary']({}), 'transfer-vocabulary');
  const submit = async (v: Values) => {
    setSaving(true);
    try {
      const { operationId } = await unwrap(
        api['personnel.transfer']({
          id: person.id,
          toUnitId: v.toUnitId ?? 0,
          date: v.date.format('YYYY-MM-DD'),
          docRef: v.docRef?.trim() || null,
          notes: v.notes?.trim() || null,
          post: v.post?.trim() || null,
          enforcementCategory: v.enforcementCategory?.trim() || null,
          enforcementScope: v.enforcementScope?.trim() || null,
        }),
      );
      const to = units.data?.units.find((u) => u.id === v.toUnitId)?.name ?? '';
      onSaved(`已将${person.name}调至${to}`, operationId);
    } catch (err) {
      void message.error(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      title={`调动：${person.name}（现单位：${person.unitName}）`}
      okText="保存"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={600}
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} message="调动后人员记录、证件历史和培训记录随人员一并转入新单位。新单位的执法类别不同的，需按规定重新申领或换发证件。" />
      <Form form={form} layout="vertical" initialValues={{ date: today }} onFinish={(v) => void submit(v)}>
        <Form.Item name="toUnitId" label="调入单位" rules={[{ required: true, message: '请选择调入单位' }]}>
          <Select showSearch optionFilterProp="label" options={(units.data?.units ?? []).filter((u) => u.id !== person.unitId).map((u) => ({ value: u.id, label: u.name }))} placeholder="选择单位" />
        </Form.Item>
        <Form.Item name="date" label="调动日期" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker disabledDate={(d) => d.isAfter(today, 'day')} allowClear={false} />
        </Form.Item>
        <Form.Item name="docRef" label="文号" extra={<DocNumberPreview name="docRef" />}>
          <Input maxLength={maxLengthOf(TRANSFER.docRef)} placeholder="如：沅人社任〔2024〕12号" />
        </Form.Item>
        <Form.Item name="post" label="新职务（不填则不变）" rules={textRules(TRANSFER.post, '职务')}>
          <AutoComplete options={(vocabulary.data?.posts ?? []).map((p) => ({ value: p }))} />
        </Form.Item>
        <Form.Item name="enforcementCategory" label="新执法类别（不填则不变）" rules={textRules(TRANSFER.enforcementCategory, '执法类别')}>
          <AutoComplete
            options={(vocabulary.data?.categories ?? []).map((c) => ({ value: c.category }))}
            onSelect={(value: string) => {
              const scope = vocabulary.data?.categories.find((c) => c.category === value)?.scope;
              if (scope) form.setFieldValue('enforcementScope', scope);
            }}
          />
        </Form.Item>
        <Form.Item name="enforcementScope" label="新执法范围（不填则不变）">
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} maxLength={maxLengthOf(TRANSFER.enforcementScope)} />
        </Form.Item>
        <Form.Item name="notes" label="备注">
          <Input maxLength={maxLengthOf(TRANSFER.notes)} />
        </Form.Item>
        <button type="submit" hidden aria-hidden />
      </Form>
    </Modal>
  );
}
