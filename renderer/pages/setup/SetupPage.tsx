import { CheckCircleOutlined, FileExcelOutlined, ImportOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Result, Space, Spin, Steps, Tabs, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { FileCheck } from '../../../shared/import/check-schema.ts';
import { registrySettingsSchema } from '../../../shared/domain/settings.ts';
import { api, errorMessage, unwrap } from '../../api/client.ts';
import { useApi } from '../../api/use-api.ts';
import { useReloadRegistryEnv, useSettings, useToday } from '../../app/registry-env.tsx';
import { navigate, useHashRoute } from '../../app/use-hash-route.ts';
import { textRules } from '../../forms/contract-rules.ts';
import { checkStagedFiles, gatherFromInput, stageFiles } from '../import/file-upload.ts';
import { FilePreview } from '../import/FilePreview.tsx';
import { downloadTemplate } from '../import/TemplateMenu.tsx';
import { useCommit } from '../import/use-commit.tsx';
import '../import/import.css';

/**
 * 设置本单位: a county on day one, without sample data. Three steps: the bureau (its name, the
 * county's name and region code, the operator's name), the unit list (from the 单位名单 template,
 * pasted from Excel, or typed one name per line — checked, previewed, imported and undoable like
 * any file), then on to importing the agencies' submissions. The step and the checked unit list are
 * in the address (#/setup?step=1&check=…): a reload comes back to the same place.
 */

const RULES = registrySettingsSchema.shape;

interface BureauValues {
  bureauName: string;
  countyName: string;
  regionCode: string;
  operatorName: string;
}

function BureauStep({ onDone }: { onDone: () => void }) {
  const settings = useSettings();
  const reloadEnv = useReloadRegistryEnv();
  const { message } = App.useApp();
  const [form] = Form.useForm<BureauValues>();
  const [saving, setSaving] = useState(false);

  const save = async (values: BureauValues) => {
    setSaving(true);
    try {
      await unwrap(api['settings.update'](values));
      await reloadEnv();
      void message.success('本单位信息已保存');
      onDone();
    } catch (err) {
      void message.error(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form
      form={form}
      layout="horizontal"
      labelCol={{ flex: '180px' }}
      style={{ maxWidth: 680 }}
      initialValues={{ bureauName: settings.bureauName, countyName: settings.countyName, regionCode: settings.regionCode, operatorName: settings.operatorName }}
      onValuesChange={(changed: Partial<BureauValues>) => {
        // 沅江市 → 沅江市司法局, while the clerk has not named the bureau otherwise.
        if (changed.countyName !== undefined && (!form.isFieldTouched('bureauName') || form.getFieldValue('bureauName') === settings.bureauName)) {
          form.setFieldValue('bureauName', changed.countyName ? `${changed.countyName.trim()}司法局` : settings.bureauName);
        }
      }}
      onFinish={(v) => void save(v)}
      data-testid="setup-bureau"
    >
      <Form.Item
        name="countyName"
        label="县（市、区）名称"
        rules={[...textRules(RULES.countyName, '县（市、区）名称'), { required: true, whitespace: true, message: '请填写县（市、区）名称' }]}
        extra="如“沅江市”。用于名单标题，以及补全报送文件中单位的简称（公安局 → 沅江市公安局）。"
      >
        <Input style={{ width: 220 }} placeholder="如：沅江市" data-testid="setup-county" />
      </Form.Item>
      <Form.Item
        name="regionCode"
        label="行政区划代码"
        rules={[
          { required: true, message: '请填写行政区划代码' },
          { pattern: /^\d{6}$/, message: '行政区划代码应为6位数字' },
        ]}
        extra="6位数字，即本地居民身份证号的前6位（如沅江市 430981）。导入名册时，外地身份证号会提示核对（不影响导入）。"
      >
        <Input style={{ width: 120 }} maxLength={6} placeholder="如：430981" data-testid="setup-region" />
      </Form.Item>
      <Form.Item name="bureauName" label="本局名称" rules={textRules(RULES.bureauName, '本局名称', { required: true })} extra="打印名册、公示名单时的标题单位。">
        <Input style={{ width: 280 }} data-testid="setup-bureau-name" />
      </Form.Item>
      <Form.Item
        name="operatorName"
        label="经办人（您的姓名）"
        rules={[...textRules(RULES.operatorName, '经办人'), { required: true, whitespace: true, message: '请填写经办人姓名' }]}
        extra="记录在每一次修改上，并打印在名册的经办人一栏。"
      >
        <Input style={{ width: 160 }} placeholder="如：李芳" data-testid="setup-operator" />
      </Form.Item>
      <Form.Item label=" " colon={false}>
        <Button type="primary" htmlType="submit" loading={saving} data-testid="setup-bureau-save">
          保存，下一步
        </Button>
      </Form.Item>
    </Form>
  );
}

function UnitListStep({ checkId, onChecked }: { checkId: string | null; onChecked: (checkId: string | null) => void }) {
  const { message } = App.useApp();
  const today = useToday();
  const units = useApi(() => api['units.list']({}), `setup-units-${checkId ?? ''}`);
  const [file, setFile] = useState<FileCheck | null>(null);
  const [busy, setBusy] = useState(false);
  const [text, setText] = useState('');
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!checkId) {
      setFile(null);
      return;
    }
    if (file?.checkId === checkId) return;
    void api['import.file']({ checkId }).then((r) => {
      if (r.ok) setFile(r.value);
      else onChecked(null);
    });
  }, [checkId, file?.checkId, onChecked]);

  const reloadUnits = units.reload;
  const afterCommit = useCallback(
    (f: FileCheck) => {
      setFile(f);
      reloadUnits();
    },
    [reloadUnits],
  );
  const commit = useCommit(afterCommit);

  const checkFile = async (list: FileList | null) => {
    const gathered = gatherFromInput(list);
    if (gathered.files.length === 0) return;
    setBusy(true);
    try {
      const ids = await stageFiles(gathered.files.slice(0, 1), () => undefined);
      const [checked] = await checkStagedFiles(ids);
      if (checked) {
        setFile(checked);
        onChecked(checked.checkId);
      }
    } catch (err) {
      void message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const checkText = async () => {
    setBusy(true);
    try {
      const checked = await unwrap(api['import.checkText']({ kind: 'units', text }));
      setFile(checked);
      onChecked(checked.checkId);
    } catch (err) {
      void message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  if (file) {
    return (
      <FilePreview key={file.checkId} file={file} onFileChange={setFile} onCommit={(f, missing) => void commit(f, missing)} today={today} onBack={() => onChecked(null)} backLabel="换一份单位名单" />
    );
  }

  const count = units.data?.units.length ?? 0;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="setup-units">
      <Alert
        type="info"
        showIcon
        message={count > 0 ? `单位名单中已有 ${count} 个单位。可以再导入一份名单补充或更新（已有的单位按名称核对，不会重复）。` : '单位名单还是空的。'}
        description="单位名单列出本县（市、区）的市直单位和乡镇（街道），并标明哪些是编制检查事项目录和四项清单的行政执法单位。名单不全也没关系：导入报送文件时，名单中没有的单位会列出来，确认后一并新增。"
      />
      <Tabs
        items={[
          {
            key: 'file',
            label: '从表格导入',
            children: (
              <Space orientation="vertical" size={12}>
                <Typography.Text>按“单位名单”模板填写（单位名称、类型、是否行政执法单位、简称/别名），或使用已有的名单表格：</Typography.Text>
                <Space>
                  <Button icon={<FileExcelOutlined />} onClick={() => void downloadTemplate('units').catch((err: unknown) => void message.error(errorMessage(err)))}>
                    下载单位名单模板
                  </Button>
                  <Button type="primary" icon={<UploadOutlined />} loading={busy} onClick={() => input.current?.click()}>
                    选择单位名单文件
                  </Button>
                </Space>
                <input
                  ref={input}
                  type="file"
                  hidden
                  accept=".xlsx,.xlsm,.xls,.et,.ods,.csv"
                  onChange={(e) => {
                    const target = e.currentTarget;
                    void checkFile(target.files).finally(() => (target.value = ''));
                  }}
                  data-testid="setup-unit-file"
                />
              </Space>
            ),
          },
          {
            key: 'paste',
            label: '从 Excel 粘贴或直接输入',
            children: (
              <Space orientation="vertical" size={8} style={{ width: '100%' }}>
                <Typography.Text>在 Excel 或 WPS 中选中名单（可连同表头）复制，粘贴到下面；或者每行输入一个单位名称。列的顺序为：单位名称、类型、是否行政执法单位、简称/别名。</Typography.Text>
                <Input.TextArea
                  value={text}
                  onChange={(e) => setText(e.target.value)}
                  autoSize={{ minRows: 8, maxRows: 16 }}
                  placeholder={'沅江市公安局\t市直单位\t是\t市公安局、公安局\n琼湖街道\t乡镇（街道）\t否\t琼湖街道办事处'}
                  data-testid="setup-unit-text"
                />
                <Button type="primary" disabled={text.trim() === ''} loading={busy} onClick={() => void checkText()} data-testid="setup-unit-text-check">
                  检查
                </Button>
              </Space>
            ),
          },
        ]}
      />
    </Space>
  );
}

export function SetupPage() {
  const route = useHashRoute();
  const settings = useSettings();
  const units = useApi(() => api['units.list']({}), `setup-done-${route.query.toString()}`);
  const step = Math.min(2, Math.max(0, Number(route.query.get('step') ?? '0') || 0));
  const checkId = route.query.get('check');
  const go = (next: number, check: string | null = null) => navigate(`/setup?step=${next}${check ? `&check=${check}` : ''}`);
  const onChecked = useCallback((id: string | null) => navigate(`/setup?step=1${id ? `&check=${id}` : ''}`), []);

  return (
    <div data-testid="setup-page">
      <div className="page-header">
        <h1>设置本单位</h1>
        <Button onClick={() => navigate('/overview')}>返回概览</Button>
      </div>
      <Card>
        <Steps
          current={step}
          onChange={(n) => go(n)}
          style={{ marginBottom: 24, maxWidth: 760 }}
          items={[
            { title: '本单位', content: '名称、行政区划、经办人' },
            { title: '单位名单', content: '市直单位和乡镇（街道）' },
            { title: '开始导入', content: '各单位报送的文件' },
          ]}
        />
        {step === 0 && <BureauStep onDone={() => go(1)} />}
        {step === 1 && (
          <>
            <UnitListStep checkId={checkId} onChecked={onChecked} />
            <div style={{ marginTop: 16 }}>
              <Button type="primary" onClick={() => go(2)} data-testid="setup-units-next">
                下一步
              </Button>
            </div>
          </>
        )}
        {step === 2 &&
          (units.loading && !units.data ? (
            <Spin />
          ) : (
            <Result
              status="success"
              icon={<CheckCircleOutlined />}
              title={`${settings.bureauName}：本单位已设置`}
              subTitle={`${settings.countyName || '（未填写县市区）'}${settings.regionCode ? `，行政区划代码 ${settings.regionCode}` : ''}；单位名单 ${units.data?.units.length ?? 0} 个单位（市直单位 ${
                units.data?.units.filter((u) => u.kind === '市直单位').length ?? 0
              } 个，乡镇（街道）${units.data?.units.filter((u) => u.kind === '乡镇街道').length ?? 0} 个）；经办人 ${settings.operatorName || '未填写'}。`}
              extra={
                <Space>
                  <Button type="primary" icon={<ImportOutlined />} onClick={() => navigate('/import')} data-testid="setup-go-import">
                    导入各单位报送的文件
                  </Button>
                  <Button onClick={() => navigate('/settings/units')}>查看单位名单</Button>
                </Space>
              }
              data-testid="setup-done"
            />
          ))}
      </Card>
    </div>
  );
}
