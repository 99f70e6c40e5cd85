import { DeleteOutlined, EditOutlined, LockOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, InputNumber, Modal, Radio, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { OPERATOR_NAME_MAX, PASSWORD_MAX, PASSWORD_MIN, type OperatorEntry } from '../../../shared/api/methods/operators.ts';
import { registrySettingsSchema } from '../../../shared/domain/settings.ts';
import { api, errorMessage, unwrap } from '../../api/client.ts';
import { useApi } from '../../api/use-api.ts';
import { numberRange } from '../../forms/contract-rules.ts';
import { useReloadRegistryEnv, useSettings } from '../../app/registry-env.tsx';
import { useSession } from '../../app/session-gate.tsx';

type PasswordChoice = 'keep' | 'set' | 'remove';

interface OperatorForm {
  name: string;
  passwordChoice: PasswordChoice;
  password?: string;
  confirm?: string;
  currentPassword?: string;
}

const PASSWORD_RULES = [
  { required: true, message: '请输入密码' },
  { min: PASSWORD_MIN, message: `密码至少 ${PASSWORD_MIN} 位` },
  { max: PASSWORD_MAX, message: `密码最多 ${PASSWORD_MAX} 位` },
];

/**
 * 设置 › 操作员: who may work with the registry. Once there is one, the signed-in operator is the
 * name on every change, reveal and print, and the program asks who is working at start and after
 * the idle time. Without any, the name under 业务规则 is used, as before.
 */
export function OperatorsPanel() {
  const { data, loading, reload } = useApi(() => api['operators.list']({}), 'operators');
  const session = useSession();
  const settings = useSettings();
  const reloadEnv = useReloadRegistryEnv();
  const { message, modal } = App.useApp();
  const [editing, setEditing] = useState<OperatorEntry | 'new' | null>(null);
  const [form] = Form.useForm<OperatorForm>();
  const [saving, setSaving] = useState(false);
  const [idleMinutes, setIdleMinutes] = useState<number | null>(settings.idleLockMinutes);
  const choice = Form.useWatch('passwordChoice', form);
  const operators = data?.operators ?? [];

  const open = (target: OperatorEntry | 'new') => setEditing(target);
  const initialValues: OperatorForm = { name: editing && editing !== 'new' ? editing.name : '', passwordChoice: editing === 'new' ? 'set' : 'keep' };

  const save = async (values: OperatorForm) => {
    setSaving(true);
    try {
      if (editing === 'new') {
        await unwrap(api['operators.create']({ name: values.name, password: values.passwordChoice === 'set' ? (values.password ?? '') : null }));
        void message.success(operators.length === 0 ? `已添加操作员“${values.name}”，您已以该身份登录` : `已添加操作员“${values.name}”`);
      } else if (editing) {
        await unwrap(
          api['operators.update']({
            id: editing.id,
            name: values.name,
            ...(values.passwordChoice === 'set' ? { password: values.password ?? '' } : values.passwordChoice === 'remove' ? { password: null } : {}),
            ...(values.currentPassword ? { currentPassword: values.currentPassword } : {}),
          }),
        );
        void message.success('已保存');
      }
      setEditing(null);
      reload();
      await session.reload();
    } catch (err) {
      void message.error(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };

  const remove = (op: OperatorEntry) => {
    modal.confirm({
      title: `删除操作员“${op.name}”？`,
      content: operators.length === 1 ? '这是最后一个操作员：删除后程序不再要求登录，修改记录上的经办人改用“业务规则”中填写的姓名。' : '已有的记录仍保留这个姓名。',
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        try {
          await unwrap(api['operators.delete']({ id: op.id }));
          reload();
          await session.reload();
        } catch (err) {
          void message.error(errorMessage(err));
        }
      },
    });
  };

  const saveIdle = async () => {
    try {
      await unwrap(api['settings.update']({ idleLockMinutes: idleMinutes ?? 0 }));
      await reloadEnv();
      await session.reload();
      void message.success('已保存');
    } catch (err) {
      void message.error(errorMessage(err));
    }
  };

  const ownPassword = editing !== 'new' && editing !== null && editing.hasPassword && session.status.signedIn?.id === editing.id && choice !== 'keep';

  return (
    <div style={{ maxWidth: 820 }} data-testid="operators-panel">
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message={session.status.configured ? `当前操作员：${session.status.signedIn?.name ?? ''}` : '尚未设置操作员'}
        description={
          session.status.configured
            ? '每一次修改、撤销、查看完整身份证号、打印和导出都记录在登录的操作员名下。程序启动时、点击“锁定”后以及长时间无人操作后，需要重新选择操作员（有密码的需输入密码）。'
            : '添加操作员后，程序启动时会要求选择操作员（可设置密码），修改记录上的经办人就是登录的操作员，不能再随意填写。添加第一个操作员后，您即以该身份登录。'
        }
      />
      <Space style={{ marginBottom: 12 }}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')} data-testid="add-operator">
          添加操作员
        </Button>
        {session.status.configured && (
          <Button icon={<LockOutlined />} onClick={() => void session.lock()} data-testid="lock-now">
            立即锁定
          </Button>
        )}
      </Space>
      <Table<OperatorEntry>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={operators}
        pagination={false}
        locale={{ emptyText: '没有操作员' }}
        columns={[
          {
            title: '姓名',
            dataIndex: 'name',
            render: (name: string, op) => (
              <Space>
                {name}
                {session.status.signedIn?.id === op.id && <Tag color="blue">当前登录</Tag>}
              </Space>
            ),
          },
          { title: '密码', dataIndex: 'hasPassword', width: 120, render: (has: boolean) => (has ? <Tag color="green">已设置</Tag> : <Tag>未设置</Tag>) },
          {
            title: '',
            width: 120,
            render: (_v, op) => (
              <Space>
                <Button size="small" icon={<EditOutlined />} onClick={() => open(op)} aria-label={`修改${op.name}`} />
                <Button size="small" danger icon={<DeleteOutlined />} onClick={() => remove(op)} aria-label={`删除${op.name}`} />
              </Space>
            ),
          },
        ]}
      />
      <Space style={{ marginTop: 24 }} align="center">
        <Typography.Text>无人操作</Typography.Text>
        <InputNumber
          {...numberRange(registrySettingsSchema.shape.idleLockMinutes)}
          precision={0}
          value={idleMinutes}
          onChange={setIdleMinutes}
          addonAfter="分钟后自动锁定"
          data-testid="idle-minutes"
        />
        <Button onClick={() => void saveIdle()}>保存</Button>
        <Typography.Text type="secondary">（0 表示不自动锁定；只在设置了操作员时有效）</Typography.Text>
      </Space>

      <Modal
        open={editing !== null}
        title={editing === 'new' ? '添加操作员' : '修改操作员'}
        okText="保存"
        cancelText="取消"
        confirmLoading={saving}
        onOk={() => form.submit()}
        onCancel={() => setEditing(null)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(v) => void save(v)} preserve={false} initialValues={initialValues} key={editing === 'new' ? 'new' : (editing?.id ?? 'none')}>
          <Form.Item
            name="name"
            label="姓名"
            rules={[
              { required: true, whitespace: true, message: '请填写姓名' },
              { max: OPERATOR_NAME_MAX, message: `姓名最多 ${OPERATOR_NAME_MAX} 个字` },
            ]}
          >
            <Input maxLength={OPERATOR_NAME_MAX} autoFocus data-testid="operator-name" />
          </Form.Item>
          <Form.Item name="passwordChoice" label="密码">
            <Radio.Group
              options={[
                ...(editing === 'new' ? [] : [{ value: 'keep', label: '不修改' }]),
                { value: 'set', label: editing !== 'new' && editing?.hasPassword ? '设置新密码' : '设置密码' },
                { value: 'remove', label: editing === 'new' ? '不设密码' : '取消密码' },
              ]}
            />
          </Form.Item>
          {ownPassword && (
            <Form.Item name="currentPassword" label="原密码" rules={[{ required: true, message: '修改自己的密码需先输入原密码' }]}>
              <Input.Password autoComplete="current-password" />
            </Form.Item>
          )}
          {choice === 'set' && (
            <>
              <Form.Item name="password" label="新密码" rules={PASSWORD_RULES}>
                <Input.Password autoComplete="new-password" data-testid="operator-password" />
              </Form.Item>
              <Form.Item
                name="confirm"
                label="再次输入新密码"
                dependencies={['password']}
                rules={[
                  { required: true, message: '请再次输入新密码' },
                  ({ getFieldValue }) => ({
                    validator: (_rule, value) => (value === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error('两次输入的密码不一致'))),
                  }),
                ]}
              >
                <Input.Password autoComplete="new-password" data-testid="operator-password-confirm" />
              </Form.Item>
            </>
          )}
          <Typography.Text type="secondary">密码只保存为不可还原的摘要（scrypt）。忘记密码时，可由其他操作员重设，或删除后重新添加；这些操作都会记入操作记录。</Typography.Text>
        </Form>
      </Modal>
    </div>
  );
}
