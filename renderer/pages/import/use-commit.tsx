import { App, Checkbox } from 'antd';
import { useCallback } from 'react';
import type { InputOf } from '../../../shared/api/define.ts';
import type { importMethods } from '../../../shared/api/methods/import.ts';
import type { FileCheck } from '../../../shared/import/check-schema.ts';
import { api, ApiCallError, errorMessage, unwrap } from '../../api/client.ts';
import { useUndoNotice } from '../../app/undo-notice.tsx';
import { unitKindLabel } from '../../../shared/import/unit-names.ts';
import { sumCounts } from './labels.ts';

type MissingDecision = NonNullable<InputOf<(typeof importMethods)['import.commit']>['missing']>[number];

/**
 * Importing one file, with the confirmations a clerk expects: what will be written (units to add
 * included), that rows with errors are left out, and a warning when the very same file was imported
 * before. Afterwards the 撤销 notice; the batch can also be undone later from 导入记录.
 */
export function useCommit(onDone: (file: FileCheck) => void): (file: FileCheck, missing?: MissingDecision[]) => Promise<void> {
  const { modal, message } = App.useApp();
  const showUndo = useUndoNotice();

  const commit = useCallback(
    async (file: FileCheck, missing: MissingDecision[]) => {
      const errors = sumCounts(file, 'errors');
      const blocked = file.sheets.filter((s) => s.kind !== 'skipped' && s.issues.some((i) => i.row === null && i.severity === 'error')).length;
      const transfers = file.sheets.reduce((n, s) => n + s.counts.transfer, 0);
      // importable = add + change + unchanged + confirmed transfers, in sheets that can be imported.
      const confirmedTransfers = file.sheets.reduce((n, s) => n + (s.counts.importable > 0 ? s.counts.importable - s.counts.add - s.counts.change - s.counts.unchanged : 0), 0);
      const previous = file.previousImports.filter((p) => !p.undone);
      const cancels = missing.filter((m) => m.action === 'cancel_certificate').length;
      const deletes = missing.filter((m) => m.action === 'delete').length;
      const mustTick = errors > 0 || blocked > 0;
      const newUnits = file.unitsToAdd.filter((u) => u.existingUnitId === null);
      const marked = file.unitsToAdd.filter((u) => u.marksAgency);
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
                新增 {sumCounts(file, 'add')} 条，修改 {sumCounts(file, 'change')} 条{transfers > 0 ? `，调入 ${confirmedTransfers} 人（未确认的 ${transfers - confirmedTransfers} 人不导入）` : ''}
                {cancels > 0 ? `，注销证件 ${cancels} 个` : ''}
                {deletes > 0 ? `，删除 ${deletes} 条` : ''}。一次导入可以整体撤销。
              </p>
              {newUnits.length > 0 && (
                <p data-testid="commit-units">
                  一并新增单位 {newUnits.length} 个：{newUnits.map((u) => `${u.name}（${unitKindLabel(u.kind)}）`).join('、')}。
                </p>
              )}
              {marked.length > 0 && <p>一并标记为执法主体：{marked.map((u) => u.name).join('、')}。</p>}
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
      // The clerk confirmed the units listed above along with the file.
      const addUnits = file.unitsToAdd.length > 0;
      const run = (allowRepeat: boolean) => unwrap(api['import.commit']({ checkId: file.checkId, missing, skipErrorRows: true, allowRepeat: allowRepeat || previous.length > 0, addUnits }));
      const refresh = async () => {
        // The registry may have changed meanwhile: show the fresh result.
        const fresh = await api['import.file']({ checkId: file.checkId });
        if (fresh.ok) onDone(fresh.value);
      };
      const done = async (result: { summary: string; operationId: number }) => {
        showUndo(result.summary, result.operationId, () => {
          api['import.recheck']({ checkId: file.checkId })
            .then((r) => r.ok && onDone(r.value))
            .catch((err: unknown) => void message.error(errorMessage(err)));
        });
        await refresh();
      };
      try {
        await done(await run(false));
      } catch (err) {
        if (err instanceof ApiCallError && err.error.code === 'ALREADY_IMPORTED') {
          modal.confirm({
            title: '再次导入同一个文件？',
            content: err.error.message,
            okText: '仍然导入',
            cancelText: '取消',
            // Never let a failure escape the dialog: it is reported as a message.
            onOk: async () => {
              try {
                await done(await run(true));
              } catch (again) {
                void message.error(errorMessage(again));
                await refresh();
              }
            },
          });
          return;
        }
        void message.error(errorMessage(err));
        await refresh();
      }
    },
    [modal, message, showUndo, onDone],
  );
  // Whatever goes wrong is told to the clerk; nothing escapes to the page as an uncaught error.
  return useCallback((file, missing = []) => commit(file, missing).catch((err: unknown) => void message.error(errorMessage(err))), [commit, message]);
}
