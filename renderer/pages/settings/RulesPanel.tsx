import { App, Button, Form, Input, InputNumber, Skeleton, Space } from 'antd';
import { useState } from 'react';
import type { RegistrySettings } from '../../../shared/domain/settings.ts';
import { DEFAULT_SETTINGS } from '../../../shared/domain/settings.ts';
import { api, errorMessage, unwrap } from '../../api/client.ts';
import { useApi } from '../../api/use-api.ts';

/** The rules every status is derived from; defaults follow Hunan's regulations. */
export function RulesPanel() {
  const { data, reload } = useApi(() => api['settings.get']({}), 'settings');
  const [form] = Form.useForm<RegistrySettings>();
  const [saving, setSaving] = useState(false);
  const { message } = App.useApp();
  if (!data) return <Skeleton active />;

  const save = async (values: RegistrySettings) => {
    setSaving(true);
    try {
      await unwrap(api['settings.update'](values));
      void message.success('设置已保存');
      reload();
    } catch (err) {
      void message.error(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form form={form} layout="horizontal" labelCol={{ flex: '220px' }} initialValues={data} onFinish={(v) => void save(v)} style={{ maxWidth: 720 }}>
      <Form.Item name="bureauName" label="本局名称" tooltip="打印名册、公示名单时的标题单位" rules={[{ required: true, min: 2, max: 40 }]}>
        <Input style={{ width: 280 }} />
      </Form.Item>
      <Form.Item name="operatorName" label="经办人（操作员）" tooltip="记录在每一次修改上，并打印在名册的经办人一栏" rules={[{ max: 20 }]}>
        <Input style={{ width: 200 }} placeholder="如：李芳" />
      </Form.Item>
      <Form.Item name="certValidityYears" label="执法证有效期" rules={[{ required: true }]}>
        <InputNumber min={1} max={20} addonAfter="年" />
      </Form.Item>
      <Form.Item name="expiryWarningDays" label="到期提醒" tooltip="湖南要求到期前6个月参加换证考试" rules={[{ required: true }]}>
        <InputNumber min={1} max={730} addonBefore="到期前" addonAfter="天" />
      </Form.Item>
      <Form.Item name="annualTrainingHours" label="年度培训学时要求" rules={[{ required: true }]}>
        <InputNumber min={1} max={500} addonAfter="学时" />
      </Form.Item>
      <Form.Item name="legalReviewerMinRatio" label="法制审核人员最低比例" tooltip="国办发〔2018〕118号：原则上不少于本单位执法人员总数的5%" rules={[{ required: true }]}>
        <InputNumber min={0} max={1} step={0.01} addonAfter="（0.05 即 5%）" />
      </Form.Item>
      <Form.Item name="publicationWarningDays" label="清单有效期提醒" rules={[{ required: true }]}>
        <InputNumber min={1} max={730} addonBefore="到期前" addonAfter="天" />
      </Form.Item>
      <Form.Item label=" " colon={false}>
        <Space>
          <Button type="primary" htmlType="submit" loading={saving}>
            保存
          </Button>
          <Button onClick={() => form.setFieldsValue(DEFAULT_SETTINGS)}>恢复默认值</Button>
        </Space>
      </Form.Item>
    </Form>
  );
}
