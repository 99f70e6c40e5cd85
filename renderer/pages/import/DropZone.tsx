import { FileAddOutlined, FolderOpenOutlined, InboxOutlined } from '@ant-design/icons';
import { Button, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { gatherFromDrop, gatherFromInput, type Gathered } from './file-upload.ts';

/**
 * Where the clerk hands files over: drop files or whole folders, or pick files or a folder. The
 * folder picker is an <input webkitdirectory>; dropped folders are walked with webkitGetAsEntry.
 */
export function DropZone({ disabled, onFiles, compact }: { disabled: boolean; onFiles: (g: Gathered) => void; compact?: boolean }) {
  const fileInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);

  useEffect(() => {
    // React does not know the attribute; set it on the element.
    folderInput.current?.setAttribute('webkitdirectory', '');
    folderInput.current?.setAttribute('directory', '');
  }, []);

  const fromInput = (input: HTMLInputElement | null) => {
    if (!input) return;
    onFiles(gatherFromInput(input.files));
    input.value = '';
  };

  return (
    <div
      className={`import-drop${over ? ' import-drop-over' : ''}${compact ? ' import-drop-compact' : ''}`}
      data-testid="import-drop"
      onDragOver={(e) => {
        e.preventDefault();
        if (!disabled) setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        if (!disabled) void gatherFromDrop(e.dataTransfer).then(onFiles);
      }}
    >
      {!compact && <InboxOutlined className="import-drop-icon" />}
      <div className="import-drop-text">
        <Typography.Text strong>把报送的文件或整个文件夹拖到这里</Typography.Text>
        {!compact && (
          <Typography.Text type="secondary">支持 Excel（.xlsx / .xls）、WPS（.et）、OpenDocument（.ods）和 CSV；一个文件中的多个工作表分别识别。文件夹中的其他文件会被忽略。</Typography.Text>
        )}
      </div>
      <Space>
        <Button icon={<FileAddOutlined />} disabled={disabled} onClick={() => fileInput.current?.click()} data-testid="pick-files">
          选择文件
        </Button>
        <Button icon={<FolderOpenOutlined />} disabled={disabled} onClick={() => folderInput.current?.click()} data-testid="pick-folder">
          选择文件夹
        </Button>
      </Space>
      <input ref={fileInput} type="file" multiple hidden accept=".xlsx,.xlsm,.xls,.et,.ods,.csv" onChange={(e) => fromInput(e.currentTarget)} data-testid="file-input" />
      <input ref={folderInput} type="file" multiple hidden onChange={(e) => fromInput(e.currentTarget)} data-testid="folder-input" />
    </div>
  );
}
