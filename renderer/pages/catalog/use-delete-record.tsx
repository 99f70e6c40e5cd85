import { App, Typography } from 'antd';
import { useCallback } from 'react';
import type { CatalogKind } from '../../../shared/domain/list-kinds.ts';
import { api, errorMessage, unwrap } from '../../api/client.ts';
import { useUndoNotice } from '../../app/undo-notice.tsx';

/** Delete with a confirmation naming the record, then the 撤销 notice. */
export function useDeleteRecord(onChanged: () => void): (kind: CatalogKind, id: number, title: string, afterDelete?: () => void) => void {
  const { message, modal } = App.useApp();
  const showUndo = useUndoNotice();
  return useCallback(
    (kind, id, title, afterDelete) => {
      const isItem = kind === 'inspection_items';
      modal.confirm({
        title: isItem ? '删除这条检查事项？' : '删除这条清单事项？',
        content: (
          <div>
            <div className="catalog-cell-text" style={{ margin: '8px 0' }}>
              {title}
            </div>
            <Typography.Text type="secondary">删除后可在提示中或 设置 › 操作记录 里撤销。</Typography.Text>
          </div>
        ),
        okText: '删除',
        okButtonProps: { danger: true },
        cancelText: '取消',
        onOk: async () => {
          try {
            const { operationId } = await unwrap(isItem ? api['catalog.delete']({ id }) : api['lists.delete']({ id }));
            showUndo(`已删除${isItem ? '检查事项' : '清单事项'}“${title.slice(0, 24)}”`, operationId, onChanged);
            afterDelete?.();
            onChanged();
          } catch (err) {
            void message.error(errorMessage(err));
          }
        },
      });
    },
    [message, modal, showUndo, onChanged],
  );
}
