import { DownOutlined, FileExcelOutlined } from '@ant-design/icons';
import { App, Button, Dropdown } from 'antd';
import { IMPORT_KIND_LABELS, IMPORT_KINDS, type ImportKind } from '../../../shared/import/import-kinds.ts';
import { api, errorMessage, unwrap } from '../../api/client.ts';
import { saveStagedFile } from '../export/download.ts';

/** Downloads the blank template of one kind: the header the importer reads, dropdowns, instructions. */
export async function downloadTemplate(kind: ImportKind): Promise<string> {
  const { fileId } = await unwrap(api['import.template']({ kind }));
  return saveStagedFile(fileId);
}

/** Blank templates for agencies, one per kind, and the clerk's own 单位名单. */
export function TemplateMenu() {
  const { message } = App.useApp();
  const download = async (kind: ImportKind) => {
    try {
      void message.success(`已下载“${await downloadTemplate(kind)}”`);
    } catch (err) {
      void message.error(errorMessage(err));
    }
  };
  return (
    <Dropdown menu={{ items: IMPORT_KINDS.map((k) => ({ key: k, label: `${IMPORT_KIND_LABELS[k]}模板` })), onClick: ({ key }) => void download(key as ImportKind) }}>
      <Button icon={<FileExcelOutlined />} data-testid="template-menu">
        下载导入模板 <DownOutlined />
      </Button>
    </Dropdown>
  );
}
