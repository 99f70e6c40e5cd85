import { App, Button, Form, Input, InputNumber, Space } from 'antd';
import { useState } from 'react';
import { DEFAULT_SETTINGS, registrySettingsSchema, type RegistrySettings } from '../../../shared/domain/settings.ts';
import { api, errorMessage, unwrap } from '../../api/client.ts';
import { useReloadRegistryEnv, useSettings } from '../../app/registry-env.tsx';
import { useSession } from '../../app/session-gate.tsx';
import { numberRange, textRules } from '../../forms/contract-rules.ts';
import { SynonymsEditor } from './SynonymsEditor.tsx';

const RULES = registrySettingsSchema.shape;

/** The rules every status is derived from; defaults follow Hunan's regulations. */
export function RulesPanel() {
  const settings = useSettings();
  const reloadEnv = useReloadRegistryEnv();
  const [form] = Form.useForm<RegistrySettings>();
  const [saving, setSaving] = useState(false);
  const { message } = App.useApp();
  // With operators (设置 › 操作员) the signed-in operator is recorded, not a name typed here.
  const operatorsConfigured = useSession().status.configured;

  const save = async (values: RegistrySettings) => {
    setSaving(true);
    try {
      // The synonyms have their own editor and save below: never send back the list this form started with.
      const { searchSynonyms, ...rules } = values;
      await unwrap(api['settings.update'](rules));
      // Every page reads the rules from the shared environment: reload it so they apply at once.
      await reloadEnv();
      void message.success('设置已保存');
    } catch (err) {
      void message.error(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <Form form={form} layout="horizontal" labelCol={{ flex: '220px' }} initialValues={settings} onFinish={(v) => void save(v)} style={{ maxWidth: 720 }}>
        <Form.Item name="bureauName" label="本局名称" tooltip="打印名册、公示名单时的标题单位" rules={textRules(RULES.bureauName, '本局名称', { required: true })}>
          <Input style={{ width: 280 }} />
        </Form.Item>
        <Form.Item name="countyName" label="县（市、区）名称" tooltip="用于名单标题和单位全称，如“沅江市”" rules={textRules(RULES.countyName, '县（市、区）名称', { required: false })}>
          <Input style={{ width: 200 }} placeholder="如：沅江市" />
        </Form.Item>
        <Form.Item
          name="regionCode"
          label="行政区划代码"
          tooltip="6位数字，即本地身份证号的前6位（如沅江市 430981）。导入名册时，其他地区的身份证号会提示核对"
          rules={[{ pattern: /^\d{6}$/, message: '行政区划代码应为6位数字' }]}
        >
          <Input style={{ width: 120 }} maxLength={6} placeholder="如：430981" />
        </Form.Item>
        {!operatorsConfigured && (
          <Form.Item
            name="operatorName"
            label="经办人（操作员）"
            tooltip="记录在每一次修改上，并打印在名册的经办人一栏；设置了操作员（设置 › 操作员）后改为记录登录的操作员"
            rules={textRules(RULES.operatorName, '经办人', { required: false })}
          >
            <Input style={{ width: 200 }} placeholder="如：李芳" />
          </Form.Item>
        )}
        <Form.Item name="certValidityYears" label="执法证有效期" rules={[{ required: true, message: '请填写执法证有效期' }]}>
          <InputNumber {...numberRange(RULES.certValidityYears)} precision={0} addonAfter="年" />
        </Form.Item>
        <Form.Item name="expiryWarningDays" label="到期提醒" tooltip="湖南要求到期前6个月参加换证考试" rules={[{ required: true, message: '请填写到期提醒天数' }]}>
          <InputNumber {...numberRange(RULES.expiryWarningDays)} precision={0} addonBefore="到期前" addonAfter="天" />
        </Form.Item>
        <Form.Item name="examPassMark" label="考试合格分数线" tooltip="登记考试成绩时，达到此分数自动勾选“考试合格”" rules={[{ required: true, message: '请填写合格分数线' }]}>
          <InputNumber {...numberRange(RULES.examPassMark)} step={0.5} addonAfter="分" />
        </Form.Item>
        <Form.Item name="annualTrainingHours" label="年度培训学时要求" rules={[{ required: true, message: '请填写年度培训学时要求' }]}>
          <InputNumber {...numberRange(RULES.annualTrainingHours)} addonAfter="学时" />
        </Form.Item>
        <Form.Item name="legalReviewerMinRatio" label="法制审核人员最低比例" tooltip="国办发〔2018〕118号：原则上不少于本单位执法人员总数的5%" rules={[{ required: true, message: '请填写最低比例' }]}>
          <InputNumber {...numberRange(RULES.legalReviewerMinRatio)} step={0.01} addonAfter="（0.05 即 5%）" />
        </Form.Item>
        <Form.Item
          name="publicationValidityYears"
          label="清单发布文件有效期"
          tooltip="登记发布文件时，有效期默认自发布日期起算的年数，可逐件修改"
          rules={[{ required: true, message: '请填写有效期年数' }]}
        >
          <InputNumber {...numberRange(RULES.publicationValidityYears)} precision={0} addonAfter="年" />
        </Form.Item>
        <Form.Item name="publicationWarningDays" label="清单有效期提醒" rules={[{ required: true, message: '请填写提醒天数' }]}>
          <InputNumber {...numberRange(RULES.publicationWarningDays)} precision={0} addonBefore="到期前" addonAfter="天" />
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
      <SynonymsEditor />
    </>
  );
}
