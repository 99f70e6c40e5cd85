import { App, Checkbox } from 'antd';
import { useCallback } from 'react';
import type { InputOf } from '../../../shared/api/define.ts';
import type { importMethods } from '../../../shared/api/methods/import.ts';
import type { FileCheck } from '../../../shared/import/check-schema.ts';
import { api, ApiCallError, errorMessage, unwrap } from '../../api/client.ts';
import { useUndoNotice } from '../../app/undo-notice.tsx';
import { sumCounts } from './labels.ts';

type MissingDecision = NonNullable<InputOf<(typeof importMethods)['import.commit']>['missing']>[number];

/**
 * Importing one file, with the confirmations a clerk expects: what will be written, that rows with
 * errors are left out, and a warning when the very same file was imported before. Afterwards the
 * 撤销 notice; the batch can also be undone later from 导入记录.
 */
export function useCommit(onDone: (file: FileCheck) => void): (file: FileCheck, missing?: MissingDecision[]) => Promise<void> {
  const { modal, message } = App.useApp();
  const showUndo = useUndoNotice();

  return useCallback(
    async (file, missing = []) => {
      const errors = sumCounts(file, 'errors');
      const blocked = file.sheets.filter((s) => s.kind !== 'skipped' && s.issues.some((i) => i.row === null && i.severity === 'error')).length;
      const transfers = file.sheets.reduce((n, s) => n + s.counts.transfer, 0);
      // importable = add + change + unchanged + confirmed transfers, in sheets that can be imported.
      const confirmedTransfers = file.sheets.reduce((n, s) => n + (s.counts.importable > 0 ? s.counts.importable - s.counts.add - s.counts.change - s.counts.unchanged : 0), 0);
      const previous = file.previousImports.filter((p) => !p.undone);
      const cancels = missing.filter((m) => m.action === 'cancel_certificate').length;
      const deletes = missing.filter((m) => m.action === 'delete').length;
      const mustTick = errors > 0 || blocked > 0;
      const confirmed = await new Promise<boolean>((resolve) => {
        // With rows in error the clerk must tick that they are left out: until then 导入 is disabled.
        const dialog = modal.confirm({
          title: `导入“${file.file}”？`,
          width: 520,
          okText: '导入',
          okButtonProps: { disabled: mustTick },
          cancelText: '取消',
          content: (
            <div data-testid="commit-confirm">
              <p>
                新增 {sumCounts(file, 'add')} 条，修改 {sumCounts(file, 'change')} 条
                {transfers > 0 ? `，调入 ${confirmedTransfers} 人（未确认的 ${transfers - confirmedTransfers} 人不导入）` : ''}
                {cancels > 0 ? `，注销证件 ${cancels} 个` : ''}
                {deletes > 0 ? `，删除 ${deletes} 条` : ''}。一次导入可以整体撤销。
              </p>
              {previous.length > 0 && <p style={{ color: '#d4380d' }}>注意：内容完全相同的文件已于 {previous[previous.length - 1]?.committedAt.slice(0, 10)} 导入过。</p>}
              {(errors > 0 || blocked > 0) && (
                <Checkbox onChange={(e) => dialog.update({ okButtonProps: { disabled: !e.target.checked } })} data-testid="skip-errors">
                  {errors > 0 ? `${errors} 行有错误，不导入这些行` : ''}
                  {blocked > 0 ? `${errors > 0 ? '；' : ''}${blocked} 个工作表不能导入，跳过` : ''}
                  ，只导入其余内容
                </Checkbox>
              )}
            </div>
          ),
          onOk: () => resolve(true),
          onCancel: () => resolve(false),
        });
      });
      if (!confirmed) return;
      const run = (allowRepeat: boolean) => unwrap(api['import.commit']({ checkId: file.checkId, missing, skipErrorRows: true, allowRepeat: allowRepeat || previous.length > 0 }));
      try {
        const result = await run(false);
        showUndo(result.summary, result.operationId, () => void unwrap(api['import.recheck']({ checkId: file.checkId })).then(onDone));
        onDone(await unwrap(api['import.file']({ checkId: file.checkId })));
      } catch (err) {
        if (err instanceof ApiCallError && err.error.code === 'ALREADY_IMPORTED') {
          modal.confirm({
            title: '再次导入同一个文件？',
            content: err.error.message,
            okText: '仍然导入',
            cancelText: '取消',
            onOk: async () => {
              const result = await run(true);
              showUndo(result.summary, result.operationId, () => void unwrap(api['import.recheck']({ checkId: file.checkId })).then(onDone));
              onDone(await unwrap(api['import.file']({ checkId: file.checkId })));
            },
          });
          return;
        }
        void message.error(errorMessage(err));
        // The registry may have changed meanwhile: show the fresh result.
        const fresh = await api['import.file']({ checkId: file.checkId });
        if (fresh.ok) onDone(fresh.value);
      }
    },
    [modal, message, showUndo, onDone],
  );
}
