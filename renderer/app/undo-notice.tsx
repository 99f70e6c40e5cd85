import { App, Button } from 'antd';
import { useCallback } from 'react';
import { api, errorMessage, unwrap } from '../api/client.ts';

/**
 * After any change the clerk gets a notice with 撤销 (undo), because a confirmation dialog alone
 * does not protect against the wrong row being clicked.
 */
export function useUndoNotice(): (text: string, operationId: number | null, afterUndo: () => void) => void {
  const { message } = App.useApp();
  return useCallback(
    (text, operationId, afterUndo) => {
      if (operationId === null) {
        void message.info(`${text}（没有需要保存的改动）`);
        return;
      }
      const key = `undo-${operationId}`;
      void message.open({
        key,
        type: 'success',
        duration: 8,
        content: (
          <span>
            {text}
            <Button
              type="link"
              size="small"
              data-testid="undo-button"
              onClick={() => {
                message.destroy(key);
                unwrap(api['history.undo']({ operationId }))
                  .then(() => {
                    void message.success('已撤销');
                    afterUndo();
                  })
                  .catch((err: unknown) => void message.error(errorMessage(err)));
              }}
            >
              撤销
            </Button>
          </span>
        ),
      });
    },
    [message],
  );
}
