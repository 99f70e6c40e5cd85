import { FileExcelOutlined, FolderOpenOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, List, Progress, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import type { VerificationFileRow } from '../../../shared/api/methods/reports.ts';
import { api, errorMessage, isDesktop, unwrap } from '../../api/client.ts';
import { useToday } from '../../app/registry-env.tsx';
import { saveStagedFile } from './download.ts';
import { useJob, type JobRun } from './use-job.ts';

/** The progress bar of a running job, with 取消. */
function JobProgress({ job, testId }: { job: JobRun; testId: string }) {
  if (!job.running || !job.status) return null;
  return (
    <div style={{ marginTop: 12 }} data-testid={`${testId}-progress`}>
      <Typography.Text type="secondary">{job.status.message}</Typography.Text>
      <Space style={{ width: '100%' }} align="center">
        <Progress percent={Math.round(job.status.progress * 100)} style={{ width: 320, margin: 0 }} />
        <Button size="small" icon={<StopOutlined />} onClick={job.cancel} data-testid={`${testId}-cancel`}>
          取消
        </Button>
      </Space>
    </div>
  );
}

/** 审核表: the eight-sheet audit workbook for the chosen year. */
export function AuditCard() {
  const thisYear = Number(useToday().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const [full, setFull] = useState(false);
  const job = useJob();
  const { message } = App.useApp();
  const start = async () => {
    const { jobId, done } = await job.run(() => unwrap(api['audit.start']({ year, fullIdNumbers: full })));
    if (!done) return;
    try {
      const result = await unwrap(api['audit.result']({ jobId }));
      const name = await saveStagedFile(result.fileId);
      void message.success(`已导出“${name}”（${result.people} 人）`);
    } catch (err) {
      void message.error(errorMessage(err));
    }
  };
  return (
    <div>
      <Space wrap style={{ marginBottom: 10 }}>
        <span>年度</span>
        <Select value={year} onChange={setYear} options={[0, 1, 2, 3, 4].map((d) => ({ value: thisYear - d, label: `${thisYear - d} 年度` }))} style={{ width: 120 }} data-testid="audit-year" />
        <Checkbox checked={full} onChange={(e) => setFull(e.target.checked)} data-testid="audit-full-ids">
          完整身份证号
        </Checkbox>
      </Space>
      {full ? <Alert type="warning" showIcon style={{ marginBottom: 10 }} message="导出的文件将含完整身份证号，本次导出会记入操作记录。请妥善保管，不得外传。" /> : null}
      <Button type="primary" icon={<FileExcelOutlined />} loading={job.running} onClick={() => void start()} data-testid="audit-export">
        导出审核表
      </Button>
      <JobProgress job={job} testId="audit" />
      {job.error ? <Alert type="error" showIcon style={{ marginTop: 10 }} message={job.error} /> : null}
    </div>
  );
}

/**
 * 核对表: one workbook per agency, all at once. The desktop program asks for a folder and puts the
 * files there; the browser cannot write into a folder, so it downloads one zip (twenty-three
 * separate downloads would each ask the clerk, or be blocked); each file can also be saved alone.
 */
export function VerificationCard() {
  const job = useJob();
  const { message } = App.useApp();
  const [result, setResult] = useState<{ files: VerificationFileRow[]; zipFileId: string; zipName: string } | null>(null);
  const saveAll = async (files: readonly VerificationFileRow[], zipFileId: string) => {
    try {
      if (isDesktop) {
        const saved = await unwrap(api['desktop.saveFilesToFolder']({ fileIds: files.map((f) => f.fileId) }));
        if (saved.saved) void message.success(`已将 ${saved.count} 个核对表保存到 ${saved.folder ?? ''}`);
      } else {
        const name = await saveStagedFile(zipFileId);
        void message.success(`已下载“${name}”（${files.length} 个单位的核对表）`);
      }
    } catch (err) {
      void message.error(errorMessage(err));
    }
  };
  const start = async () => {
    setResult(null);
    const { jobId, done } = await job.run(() => unwrap(api['verification.start']({})));
    if (!done) return;
    try {
      const r = await unwrap(api['verification.result']({ jobId }));
      setResult(r);
      await saveAll(r.files, r.zipFileId);
    } catch (err) {
      void message.error(errorMessage(err));
    }
  };
  return (
    <div>
      <Button type="primary" icon={<FolderOpenOutlined />} loading={job.running} onClick={() => void start()} data-testid="verification-export">
        {isDesktop ? '生成并保存到文件夹' : '生成并下载（压缩包）'}
      </Button>
      <JobProgress job={job} testId="verification" />
      {job.error ? <Alert type="error" showIcon style={{ marginTop: 10 }} message={job.error} /> : null}
      {result ? (
        <List
          size="small"
          style={{ marginTop: 12, maxHeight: 240, overflowY: 'auto' }}
          header={
            <Space>
              <span>已生成 {result.files.length} 个单位的核对表</span>
              <a onClick={() => void saveAll(result.files, result.zipFileId)}>{isDesktop ? '再次保存到文件夹' : '重新下载压缩包'}</a>
            </Space>
          }
          dataSource={result.files}
          data-testid="verification-files"
          renderItem={(f) => (
            <List.Item
              actions={[
                <a key="save" onClick={() => void saveStagedFile(f.fileId).catch((err: unknown) => message.error(errorMessage(err)))}>
                  单独下载
                </a>,
              ]}
            >
              {f.unitName}：人员 {f.people}，检查事项 {f.items}，清单事项 {f.lists}
            </List.Item>
          )}
        />
      ) : null}
    </div>
  );
}
