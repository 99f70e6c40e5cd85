import { AimOutlined, DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Drawer, Skeleton, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect } from 'react';
import type { InspectionItemRow, ListItemRow } from '../../../shared/api/methods/catalog.ts';
import { INSPECTION_ITEM_FIELDS, INSPECTION_ITEM_LABELS, listItemFieldsOf, listItemLabel } from '../../../shared/domain/catalog-fields.ts';
import { LIST_KIND_LABELS, type CatalogKind } from '../../../shared/domain/list-kinds.ts';
import { api, errorMessage } from '../../api/client.ts';
import { useApi } from '../../api/use-api.ts';
import { CellText } from './Highlighted.tsx';
import { useDeleteRecord } from './use-delete-record.tsx';

export interface RecordRef {
  kind: CatalogKind;
  id: number;
}

/** Stored timestamps are UTC; the clerk reads local time. */
function stamp(iso: string): string {
  return dayjs(iso).format('YYYY-MM-DD HH:mm');
}

function ItemDetails({ item }: { item: InspectionItemRow }) {
  return (
    <Descriptions
      column={1}
      bordered
      size="small"
      styles={{ label: { width: 96, whiteSpace: 'nowrap' } }}
      items={[
        { key: 'unit', label: '所属单位', children: item.unitName },
        ...INSPECTION_ITEM_FIELDS.map((f) => ({
          key: f,
          label: INSPECTION_ITEM_LABELS[f],
          children: f === 'category' ? <Tag color={item.category === '重点检查事项' ? 'volcano' : 'blue'}>{item.category}</Tag> : <CellText value={item[f]} />,
        })),
        { key: 'updated', label: '最后修改', children: stamp(item.updatedAt) },
      ]}
    />
  );
}

function ListDetails({ entry }: { entry: ListItemRow }) {
  return (
    <Descriptions
      column={1}
      bordered
      size="small"
      styles={{ label: { width: 96, whiteSpace: 'nowrap' } }}
      items={[
        { key: 'unit', label: '所属单位', children: entry.unitName },
        { key: 'kind', label: '清单', children: LIST_KIND_LABELS[entry.listKind] },
        ...listItemFieldsOf(entry.listKind).map((f) => ({ key: f, label: listItemLabel(entry.listKind, f), children: <CellText value={entry[f]} /> })),
        ...(entry.listKind !== 'reduced_penalty' && entry.discretion ? [{ key: 'discretion', label: '裁量幅度', children: <CellText value={entry.discretion} /> }] : []),
        { key: 'updated', label: '最后修改', children: stamp(entry.updatedAt) },
      ]}
    />
  );
}

/**
 * One record in full, with 编辑 and 删除 (confirmed, then undoable). `version` reloads it after a
 * change made elsewhere.
 */
export function RecordDrawer({
  record,
  version,
  onClose,
  onEdit,
  onChanged,
  onLocate,
}: {
  record: RecordRef;
  version: number;
  onClose: () => void;
  onEdit: (row: InspectionItemRow | ListItemRow) => void;
  onChanged: () => void;
  /** Shows the record in its agency's table (offered from search results). */
  onLocate?: ((row: InspectionItemRow | ListItemRow) => void) | undefined;
}) {
  const isItem = record.kind === 'inspection_items';
  const loaded = useApi<InspectionItemRow | ListItemRow>(() => (isItem ? api['catalog.get']({ id: record.id }) : api['lists.get']({ id: record.id })), `${record.kind}:${record.id}:${version}`);
  const deleteRecord = useDeleteRecord(onChanged);
  // Esc closes the drawer wherever the focus is (after a dialog closed it is on the page body),
  // unless a dialog is open: Esc is that dialog's.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented && !document.querySelector('.ant-modal-wrap')) onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  const row = loaded.data;
  const title = row ? ('name' in row ? row.name : row.violation) : '';
  const remove = () => row && deleteRecord(record.kind, record.id, title, onClose);

  return (
    <Drawer
      open
      size={600}
      title={isItem ? '检查事项' : '清单事项'}
      onClose={onClose}
      data-testid="record-drawer"
      extra={
        row ? (
          <Space>
            {onLocate ? (
              <Button icon={<AimOutlined />} onClick={() => onLocate(row)}>
                在目录中查看
              </Button>
            ) : null}
            <Button type="primary" icon={<EditOutlined />} onClick={() => onEdit(row)} data-testid="drawer-edit">
              编辑
            </Button>
            <Button danger icon={<DeleteOutlined />} onClick={remove} data-testid="drawer-delete">
              删除
            </Button>
          </Space>
        ) : null
      }
    >
      {loaded.error ? <Alert type="error" showIcon title={errorMessage(loaded.error)} /> : null}
      {!row && !loaded.error ? <Skeleton active /> : null}
      {row ? (
        <>
          <Typography.Title level={5} style={{ marginTop: 0 }} className="catalog-cell-text" data-testid="drawer-title">
            {title}
          </Typography.Title>
          {'name' in row ? <ItemDetails item={row} /> : <ListDetails entry={row} />}
        </>
      ) : null}
    </Drawer>
  );
}
