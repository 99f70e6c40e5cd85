import { Alert, App, Checkbox, Select, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { UNIT_KINDS, type UnitKind } from '../../../shared/domain/unit-kinds.ts';
import type { FileCheck, UnitToAdd } from '../../../shared/import/check-schema.ts';
import { unitKindLabel } from '../../../shared/import/unit-names.ts';
import { api, errorMessage, unwrap } from '../../api/client.ts';
import { useApi } from '../../api/use-api.ts';

/**
 * The units a file names that the unit list lacks (or that send a catalog without being marked as
 * an agency). Importing the file adds them, in the same import and the same undo; here the clerk
 * corrects the kind guessed from the name, marks an agency, or says that a name is an existing unit
 * (it then becomes that unit's alias).
 */
export function UnitsToAdd({ file, onFileChange }: { file: FileCheck; onFileChange: (f: FileCheck) => void }) {
  const { message } = App.useApp();
  const units = useApi(() => api['units.list']({}), 'units-to-add-units');
  const committed = file.status === 'committed';

  const decide = async (key: string, decision: { kind?: UnitKind; keepsLists?: boolean; existingUnitId?: number | null }) => {
    try {
      onFileChange(await unwrap(api['import.setUnitToAdd']({ checkId: file.checkId, key, ...decision })));
    } catch (err) {
      void message.error(errorMessage(err));
    }
  };

  const columns: ColumnsType<UnitToAdd> = [
    { title: '单位名称', dataIndex: 'name', width: 220, render: (v: string, u) => (u.marksAgency ? <span>{v}</span> : <Typography.Text strong>{v}</Typography.Text>) },
    {
      title: '类型',
      key: 'kind',
      width: 170,
      render: (_v, u) =>
        u.existingUnitId !== null ? (
          unitKindLabel(u.kind)
        ) : (
          <Select<UnitKind>
            size="small"
            style={{ width: 150 }}
            value={u.kind}
            disabled={committed}
            onChange={(kind) => void decide(u.key, { kind })}
            options={UNIT_KINDS.map((k) => ({ value: k, label: `${unitKindLabel(k)}${u.kindGuessed && k === u.kind ? '（按名称判断）' : ''}` }))}
            data-testid={`unit-kind-${u.name}`}
          />
        ),
    },
    {
      title: '执法主体',
      key: 'keepsLists',
      width: 90,
      align: 'center',
      render: (_v, u) =>
        u.marksAgency ? (
          <Tag color="blue">标记</Tag>
        ) : (
          <Checkbox checked={u.keepsLists} disabled={committed || u.existingUnitId !== null} onChange={(e) => void decide(u.key, { keepsLists: e.target.checked })} />
        ),
    },
    {
      title: '处理',
      key: 'existing',
      width: 260,
      render: (_v, u) =>
        u.marksAgency ? (
          <Typography.Text>已在单位名单中，导入时标记为执法主体</Typography.Text>
        ) : (
          <Select<number | 'new'>
            size="small"
            style={{ width: 240 }}
            value={u.existingUnitId ?? 'new'}
            disabled={committed}
            showSearch
            optionFilterProp="label"
            onChange={(v) => void decide(u.key, { existingUnitId: v === 'new' ? null : v })}
            options={[{ value: 'new' as const, label: '新增为新单位' }, ...(units.data?.units ?? []).map((x) => ({ value: x.id, label: `是已有单位：${x.name}` }))]}
          />
        ),
    },
    { title: '出现在', key: 'sources', render: (_v, u) => <Typography.Text type="secondary">{u.sources.join('；')}</Typography.Text> },
  ];

  const adding = file.unitsToAdd.filter((u) => u.existingUnitId === null).length;
  return (
    <div className="import-units-to-add" data-testid="units-to-add">
      <Alert
        type="info"
        showIcon
        message={
          adding > 0
            ? `这个文件提到 ${adding} 个单位名单中没有的单位，导入时一并新增（与这次导入一起撤销）。请核对名称和类型；如果其实是已有单位的另一个名称，请选择“是已有单位”。`
            : '导入这个文件时，将按下表调整单位名单。'
        }
        style={{ marginBottom: 8 }}
      />
      <Table<UnitToAdd> rowKey="key" size="small" pagination={false} columns={columns} dataSource={file.unitsToAdd} tableLayout="fixed" />
    </div>
  );
}
