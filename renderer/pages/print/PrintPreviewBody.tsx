import { Alert, Spin } from 'antd';
import type { PrintableDocument } from '../../../shared/api/methods/rosters.ts';
import { errorMessage } from '../../api/client.ts';
import type { ApiState } from '../../api/use-api.ts';
import { RosterDocumentView } from './RosterDocumentView.tsx';

/** Under a print preview's toolbar: the full-ID warning, then the document, its error, or a spinner while it is made. */
export function PrintPreviewBody({ doc, fullIdNumbers, loadingText }: { doc: ApiState<PrintableDocument>; fullIdNumbers: boolean; loadingText: string }) {
  return (
    <>
      {fullIdNumbers ? (
        <div className="no-print" style={{ width: '297mm', margin: '12px auto 0' }}>
          <Alert type="warning" showIcon message="本次打印包含完整身份证号，请妥善保管打印件。" />
        </div>
      ) : null}
      {doc.error ? (
        <div className="no-print" style={{ width: '297mm', margin: '16px auto' }}>
          <Alert type="error" showIcon message={errorMessage(doc.error)} />
        </div>
      ) : doc.data && !doc.loading ? (
        <RosterDocumentView doc={doc.data} />
      ) : (
        <div style={{ textAlign: 'center', padding: 64 }}>
          <Spin tip={loadingText} size="large">
            <div style={{ width: 200, height: 80 }} />
          </Spin>
        </div>
      )}
    </>
  );
}
