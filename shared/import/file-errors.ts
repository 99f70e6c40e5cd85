/**
 * Why a whole file could not be read. Each has a stable code (the command line's JSON `error.code`,
 * exit code 2) and a Chinese message that names the file and tells the clerk what to ask for.
 */
export const FILE_ERROR_CODES = [
  'FILE_EMPTY',
  'FILE_TOO_LARGE',
  'FILE_ENCRYPTED',
  'FILE_NOT_SPREADSHEET',
  'FILE_TRUNCATED',
  'FILE_CORRUPT',
  'FILE_ZIP_BOMB',
  'FILE_TOO_MANY_ROWS',
  'FILE_NO_DATA',
  'FILE_UNSUPPORTED',
  /** The zip's content does not match its directory (sizes, names, checksums): altered or damaged. */
  'FILE_ZIP_MISMATCH',
  /** More non-empty cells than the importer takes from one file. */
  'FILE_TOO_MANY_CELLS',
  /** Every cell with content lies beyond the column cap. */
  'FILE_COLUMNS_BEYOND_LIMIT',
  /** Reading it needed more memory than the parse worker may use. */
  'FILE_TOO_COMPLEX',
  /** Reading it took longer than the time allowed per file. */
  'FILE_TOO_SLOW',
  /** The file could not be read from the disk (permissions, a vanished file, a device error). */
  'FILE_READ_FAILED',
  /** An unexpected failure while checking it (a program error): the other files are checked as usual. */
  'FILE_CHECK_FAILED',
] as const;
export type FileErrorCode = (typeof FILE_ERROR_CODES)[number];

export interface FileError {
  code: FileErrorCode;
  message: string;
}

export function fileError(code: FileErrorCode, file: string, detail?: string): FileError {
  const f = `文件“${file}”`;
  const messages: Record<FileErrorCode, string> = {
    FILE_EMPTY: `${f}是空文件（0 字节），可能在拷贝或下载时出错。请让报送单位重新发送。`,
    FILE_TOO_LARGE: `${f}${detail ?? '太大'}，超过导入上限。请让报送单位拆分后分别报送。`,
    FILE_ENCRYPTED: `${f}设置了打开密码，无法读取。请让报送单位取消密码（文件 › 信息 › 保护工作簿 › 用密码进行加密，清空密码）后重新报送。`,
    FILE_NOT_SPREADSHEET: `${f}不是电子表格${detail ? `（${detail}）` : ''}。请让报送单位用 Excel 或 WPS 另存为 .xlsx 后重新报送。`,
    FILE_TRUNCATED: `${f}不完整（文件末尾缺失），可能在拷贝、下载或通过即时通讯工具传送时中断。请让报送单位重新发送原文件。`,
    FILE_CORRUPT: `${f}已损坏，无法读取${detail ? `（${detail}）` : ''}。请让报送单位用 Excel 或 WPS 打开确认后重新保存报送。`,
    FILE_ZIP_BOMB: `${f}解压后${detail ?? '过大'}，超过导入上限，为保护本机内存已拒绝读取。正常的名册、目录解压后不会这样大；请与报送单位核实文件来源。`,
    FILE_TOO_MANY_ROWS: `${f}${detail ?? '行数过多'}，超过每个工作表 200,000 行的上限。请让报送单位拆分后分别报送。`,
    FILE_NO_DATA: `${f}中没有任何内容（所有工作表都是空的）。请让报送单位确认是否发错了文件。`,
    FILE_UNSUPPORTED: `${f}${detail ?? '的格式不受支持'}。请用 Excel 或 WPS 打开后另存为 .xlsx 再导入。`,
    FILE_ZIP_MISMATCH: `${f}的压缩内容与声明不符${detail ? `（${detail}）` : ''}，文件可能被篡改或在传送中损坏，为保护本机已拒绝读取。请让报送单位用 Excel 或 WPS 重新保存后报送。`,
    FILE_TOO_MANY_CELLS: `${f}${detail ?? '的单元格过多'}，超过导入上限。正常的名册、目录不会有这么多内容；请让报送单位删除多余的行列，或拆分后分别报送。`,
    FILE_COLUMNS_BEYOND_LIMIT: `${f}的内容都在导入上限之外的列中${detail ? `（${detail}）` : ''}，没有可读取的内容。请让报送单位把表格放在前面的列中后重新报送。`,
    FILE_TOO_COMPLEX: `${f}过于复杂，读取时所需内存超过上限${detail ? `（${detail}）` : ''}，为保护本机已停止读取。请让报送单位删除多余的空白行列、格式和隐藏内容，另存为新的 .xlsx 后重新报送。`,
    FILE_TOO_SLOW: `${f}读取时间超过上限${detail ? `（${detail}）` : ''}，已停止读取。文件可能含有大量空白格式或异常内容；请让报送单位另存为新的 .xlsx（只保留表格内容）后重新报送。`,
    FILE_READ_FAILED: `${f}无法从磁盘读取${detail ? `（${detail}）` : ''}。请确认文件还在、有读取权限，或先复制到本机再导入。`,
    FILE_CHECK_FAILED: `检查${f}时出现意外错误，已跳过这个文件，其他文件照常检查。技术详情已写入日志文件（logs/registry.log），请联系技术人员。`,
  };
  return { code, message: messages[code] };
}
