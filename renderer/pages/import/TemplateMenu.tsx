import { DownOutlined, FileExcelOutlined } from '@ant-design/icons';
import { App, Button, Dropdown } from 'antd';
import { RECORD_KIND_LABELS, RECORD_KINDS, type RecordKind } from '../../../shared/domain/list-kinds.ts';
import { api, errorMessage, unwrap } from '../../api/client.ts';
import { saveStagedFile } from '../export/download.ts';

/** Blank templates for agencies, one per kind: the header the importer reads, dropdowns, instructions. */
export function TemplateMenu() {
  const { message } = App.useApp();
  const download = async (kind: RecordKind) => {
    try {
      const { fileId } = await unwrap(api['import.template']({ kind }));
      const name = await saveStagedFile(fileId);
      void message.success(`已下载“${name}”`);
    } catch (err) {
      void message.error(errorMessage(err));
    }
  };
  return (
    <Dropdown menu={{ items: RECORD_KINDS.map((k) => ({ key: k, label: `${RECORD_KIND_LABELS[k]}模板` })), onClick: ({ key }) => void download(key as RecordKind) }}>
      <Button icon={<FileExcelOutlined />} data-testid="template-menu">
        下载导入模板 <DownOutlined />
      </Button>
    </Dropdown>
  );
}
