import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { DEFAULT_SEARCH_SYNONYMS, SYNONYM_TEXT_MAX_LENGTH, SYNONYMS_MAX_COUNT, type SearchSynonym } from '../../../shared/domain/search-synonyms.ts';
import { api, errorMessage, unwrap } from '../../api/client.ts';
import { useReloadRegistryEnv, useSettings } from '../../app/registry-env.tsx';

interface Values {
  searchSynonyms: SearchSynonym[];
}

const textRules = [
  { required: true, whitespace: true, message: '请填写' },
  { min: 2, message: '至少2个字' },
  { max: SYNONYM_TEXT_MAX_LENGTH, message: `不能超过${SYNONYM_TEXT_MAX_LENGTH}个字` },
  { pattern: /^\S+$/, message: '不能含空格' },
];

/**
 * 搜索同义词: the abbreviations every search expands (the header's search, the catalog's and the
 * roster's search boxes). Saved apart from the rules above, so editing one list never resets the other.
 */
export function SynonymsEditor() {
  const settings = useSettings();
  const reloadEnv = useReloadRegistryEnv();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const { message } = App.useApp();

  const save = async (values: Values) => {
    setSaving(true);
    try {
      const searchSynonyms = values.searchSynonyms.map((s) => ({ short: s.short.trim(), full: s.full.trim() }));
      await unwrap(api['settings.update']({ searchSynonyms }));
      await reloadEnv();
      void message.success('同义词已保存，所有搜索立即按新的同义词查找');
    } catch (err) {
      void message.error(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <div style={{ maxWidth: 720, marginTop: 32 }} data-testid="synonyms-editor">
      <Typography.Title level={5}>搜索同义词</Typography.Title>
      <Typography.Paragraph type="secondary">在页眉搜索、检查事项搜索和人员名册搜索中，输入左边的简称也会找到右边的全称，反之亦然（如输入“危化品”同时查找“危险化学品”）。</Typography.Paragraph>
      <Form form={form} initialValues={{ searchSynonyms: settings.searchSynonyms }} onFinish={(v) => void save(v)}>
        <Form.List name="searchSynonyms">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} align="baseline" style={{ display: 'flex' }}>
                  <Form.Item name={[field.name, 'short']} rules={textRules} style={{ marginBottom: 8 }}>
                    <Input placeholder="简称，如：市监局" style={{ width: 200 }} aria-label="简称" />
                  </Form.Item>
                  <span>→</span>
                  <Form.Item
                    name={[field.name, 'full']}
                    dependencies={[['searchSynonyms', field.name, 'short']]}
                    rules={[
                      ...textRules,
                      ({ getFieldValue }) => ({
                        validator: (_, value: string | undefined) =>
                          value && value.trim() === String(getFieldValue(['searchSynonyms', field.name, 'short']) ?? '').trim() ? Promise.reject(new Error('与简称相同')) : Promise.resolve(),
                      }),
                    ]}
                    style={{ marginBottom: 8 }}
                  >
                    <Input placeholder="全称，如：市场监督管理局" style={{ width: 280 }} aria-label="全称" />
                  </Form.Item>
                  <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label="删除这一条" />
                </Space>
              ))}
              <Space style={{ marginTop: 8 }}>
                <Button icon={<PlusOutlined />} onClick={() => add({ short: '', full: '' })} disabled={fields.length >= SYNONYMS_MAX_COUNT}>
                  添加同义词
                </Button>
                <Button type="primary" htmlType="submit" loading={saving} data-testid="synonyms-save">
                  保存同义词
                </Button>
                <Button onClick={() => form.setFieldsValue({ searchSynonyms: DEFAULT_SEARCH_SYNONYMS.map((s) => ({ ...s })) })}>恢复默认同义词</Button>
              </Space>
            </>
          )}
        </Form.List>
      </Form>
    </div>
  );
}
