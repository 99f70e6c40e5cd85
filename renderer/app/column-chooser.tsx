import { SettingOutlined } from '@ant-design/icons';
import { Button, Checkbox, Popover, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';

/**
 * Which columns a big table shows, chosen by the clerk and remembered per table on this PC (like
 * the density, a screen's preference, not the registry's). Columns listed in `always` (the row's
 * number and name) cannot be hidden: without them a row means nothing.
 */

const STORAGE_PREFIX = 'registry.columns.';

/** What the chooser reads of a column (any antd column type, with or without a page's own extras). */
interface ChoosableColumn {
  key?: React.Key;
  dataIndex?: unknown;
  title?: unknown;
}

export function columnKey(column: ChoosableColumn): string {
  if (column.key !== undefined) return String(column.key);
  if (Array.isArray(column.dataIndex)) return column.dataIndex.join('.');
  return typeof column.dataIndex === 'string' || typeof column.dataIndex === 'number' ? String(column.dataIndex) : '';
}

function storedHidden(tableKey: string): string[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(STORAGE_PREFIX + tableKey) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((k): k is string => typeof k === 'string') : [];
  } catch {
    return [];
  }
}

export function useColumnChooser<C extends ChoosableColumn>(
  tableKey: string,
  columns: C[],
  options: { always: readonly string[]; labels?: Readonly<Record<string, string>> },
): { shown: C[]; chooser: React.ReactNode } {
  const [hidden, setHidden] = useState<string[]>(() => storedHidden(tableKey));
  const save = (next: string[]) => {
    setHidden(next);
    try {
      localStorage.setItem(STORAGE_PREFIX + tableKey, JSON.stringify(next));
    } catch {
      // Not remembered, still applied.
    }
  };
  const choices = columns
    .map((c) => ({ key: columnKey(c), label: options.labels?.[columnKey(c)] ?? (typeof c.title === 'string' ? c.title : columnKey(c)) }))
    .filter((c) => c.key !== '' && !options.always.includes(c.key));
  const shown = useMemo(() => columns.filter((c) => !hidden.includes(columnKey(c))), [columns, hidden]);
  const chooser = (
    <Popover
      trigger="click"
      placement="bottomRight"
      title="显示的列"
      content={
        <Space orientation="vertical" size={4} data-testid={`columns-${tableKey}-list`}>
          <Checkbox.Group
            value={choices.map((c) => c.key).filter((k) => !hidden.includes(k))}
            onChange={(keys) => save(choices.map((c) => c.key).filter((k) => !keys.includes(k)))}
            style={{ display: 'grid', gridTemplateColumns: 'repeat(2, minmax(110px, auto))', gap: '4px 12px' }}
            options={choices.map((c) => ({ value: c.key, label: c.label }))}
          />
          <Typography.Link onClick={() => save([])}>全部显示</Typography.Link>
        </Space>
      }
    >
      <Button size="small" icon={<SettingOutlined />} data-testid={`columns-${tableKey}`}>
        列{hidden.length > 0 ? `（隐藏 ${hidden.length}）` : ''}
      </Button>
    </Popover>
  );
  return { shown, chooser };
}
