import { EditOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { registrySettingsSchema } from '../../shared/domain/settings.ts';
import { api, errorMessage, unwrap } from '../api/client.ts';
import { maxLengthOf, textRules } from '../forms/contract-rules.ts';
import { useReloadRegistryEnv, useSettings } from './registry-env.tsx';

/**
 * 经办人: the name printed on rosters and written beside every change while no operators are set up
 * (设置 › 操作员). Without it everything is signed 未署名, so the header offers it where the clerk
 * looks, and the first-run screen asks for it before anything else is done.
 */

const OPERATOR_NAME = registrySettingsSchema.shape.operatorName;

function useSaveOperatorName(): (name: string) => Promise<boolean> {
  const { message } = App.useApp();
  const reloadEnv = useReloadRegistryEnv();
  return async (name: string) => {
    try {
      await unwrap(api['settings.update']({ operatorName: name.trim() }));
      await reloadEnv();
      void message.success(name.trim() ? `经办人已设为“${name.trim()}”` : '已清除经办人');
      return true;
    } catch (err) {
      void message.error(errorMessage(err));
      return false;
    }
  };
}

/** The header's 经办人 line: the name, or a warning-coloured link to set it; either opens the dialog. */
export function OperatorNameHeader() {
  const settings = useSettings();
  const save = useSaveOperatorName();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ operatorName: string }>();
  return (
    <>
      {settings.operatorName ? (
        <Button type="text" size="small" onClick={() => setOpen(true)} data-testid="header-operator" title="更改经办人">
          <Typography.Text type="secondary">经办人：{settings.operatorName}</Typography.Text>
        </Button>
      ) : (
        <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setOpen(true)} data-testid="header-operator" style={{ color: '#d46b08' }}>
          未填写经办人，点此填写
        </Button>
      )}
      <Modal open={open} title="经办人" okText="保存" cancelText="取消" destroyOnHidden onCancel={() => setOpen(false)} onOk={() => form.submit()}>
        <Typography.Paragraph type="secondary">打印的名册、导出的表格和操作记录都以经办人署名；不填写则署名为“未署名”。也可在 设置 › 业务规则 中修改。</Typography.Paragraph>
        <Form
          form={form}
          layout="vertical"
          initialValues={{ operatorName: settings.operatorName }}
          onFinish={(values) => {
            void save(values.operatorName).then((ok) => ok && setOpen(false));
          }}
        >
          <Form.Item name="operatorName" label="经办人姓名" rules={textRules(OPERATOR_NAME, '经办人', { required: true })}>
            <Input autoFocus maxLength={maxLengthOf(OPERATOR_NAME)} placeholder="如：李文" data-testid="operator-name-input" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/** The first-run screen's question: who is keeping this registry (before sample data, setup or import). */
export function OperatorNameFirstRun() {
  const settings = useSettings();
  const save = useSaveOperatorName();
  const [form] = Form.useForm<{ operatorName: string }>();
  return (
    <Form
      form={form}
      layout="inline"
      initialValues={{ operatorName: settings.operatorName }}
      onFinish={(values) => void save(values.operatorName)}
      style={{ marginBottom: 16 }}
      data-testid="first-run-operator"
    >
      <Form.Item name="operatorName" label="经办人" rules={textRules(OPERATOR_NAME, '经办人', { required: true })} extra="名册、导出表格和操作记录上的署名">
        <Input maxLength={maxLengthOf(OPERATOR_NAME)} placeholder="您的姓名" style={{ width: 200 }} data-testid="first-run-operator-input" />
      </Form.Item>
      <Form.Item>
        <Space>
          <Button htmlType="submit" data-testid="first-run-operator-save">
            {settings.operatorName ? '更改' : '保存'}
          </Button>
        </Space>
      </Form.Item>
    </Form>
  );
}
