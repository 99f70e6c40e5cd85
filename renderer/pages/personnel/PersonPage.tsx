import { ArrowLeftOutlined, DeleteOutlined, EditOutlined, EyeOutlined, PlusOutlined, SwapOutlined, WarningFilled } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Descriptions, Empty, Result, Row, Skeleton, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { CertificateRecord, PersonDetail, TrainingRecord } from '../../../shared/api/methods/personnel.ts';
import type { CertAction } from '../../../shared/domain/certificate-rules.ts';
import type { CertType } from '../../../shared/domain/certificate-vocabulary.ts';
import { api, errorMessage, unwrap } from '../../api/client.ts';
import { useApi } from '../../api/use-api.ts';
import { useUndoNotice } from '../../app/undo-notice.tsx';
import { navigate } from '../../app/use-hash-route.ts';
import { CertificatePanel } from './CertificatePanel.tsx';
import { CertificateStepDialog } from './CertificateStepDialog.tsx';
import { CorrectionDialog } from './CorrectionDialog.tsx';
import { ExamDialog } from './ExamDialog.tsx';
import { PersonEditor } from './PersonEditor.tsx';
import { PersonHistory } from './PersonHistory.tsx';
import { ROSTER_HASH_KEY } from './roster-params.ts';
import { StatusTag } from './status-tag.tsx';
import { TrainingDialog } from './TrainingDialog.tsx';
import { TransferDialog } from './TransferDialog.tsx';

type Dialog =
  | { kind: 'edit' }
  | { kind: 'transfer' }
  | { kind: 'exam' }
  | { kind: 'training'; record?: TrainingRecord }
  | { kind: 'step'; certType: CertType; action: CertAction }
  | { kind: 'correct'; card: CertificateRecord }
  | null;

/** Back to the roster as the clerk left it (the roster remembers its address, filter included). */
function backToRoster(): void {
  const hash = sessionStorage.getItem(ROSTER_HASH_KEY);
  if (hash) window.location.hash = hash;
  else navigate('/personnel');
}

function FieldsCard({ detail, onReveal, revealed }: { detail: PersonDetail; onReveal: () => void; revealed: string | null }) {
  const p = detail.person;
  return (
    <Card size="small" title="基本信息" style={{ marginBottom: 16 }}>
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} bordered>
        <Descriptions.Item label="单位">{p.unitName}</Descriptions.Item>
        <Descriptions.Item label="人员类别">{p.personnelKind}</Descriptions.Item>
        <Descriptions.Item label="性别">
          {p.sex}
          {p.sexFromId ? (
            <Typography.Text type="warning" style={{ marginLeft: 8 }} data-testid="sex-warning">
              <WarningFilled /> 身份证号显示为{p.sexFromId}性，请核对
            </Typography.Text>
          ) : null}
        </Descriptions.Item>
        <Descriptions.Item label="身份证号">
          <Space size={8}>
            <span className="tabular" data-testid="person-id-number">
              {revealed ?? p.idNumber}
            </span>
            {revealed ? null : (
              <Button size="small" type="link" icon={<EyeOutlined />} onClick={onReveal} data-testid="reveal-id">
                显示完整号码
              </Button>
            )}
          </Space>
          {p.idProblem ? (
            <div>
              <Typography.Text type="danger">
                <WarningFilled /> {p.idProblem}
              </Typography.Text>
            </div>
          ) : null}
        </Descriptions.Item>
        <Descriptions.Item label="出生日期">{p.birthDate ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="编制类型">{p.staffingType}</Descriptions.Item>
        <Descriptions.Item label="职务">{p.post ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="执法类别">{p.enforcementCategory ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="法制审核人员">{p.isLegalReviewer ? '是' : '否'}</Descriptions.Item>
        <Descriptions.Item label="执法范围" span={2}>
          {p.enforcementScope ?? '—'}
        </Descriptions.Item>
        <Descriptions.Item label="联系电话">{p.phone ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="备注" span={3}>
          {p.notes ?? '—'}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

export function PersonPage({ id }: { id: number }) {
  const [version, setVersion] = useState(0);
  const { data, error, loading } = useApi(() => api['personnel.get']({ id }), `person-${id}-${version}`);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [revealed, setRevealed] = useState<string | null>(null);
  const { message, modal } = App.useApp();
  const showUndo = useUndoNotice();
  const refresh = () => setVersion((v) => v + 1);
  const saved = (text: string, operationId: number | null) => {
    setDialog(null);
    showUndo(text, operationId, refresh);
    refresh();
  };

  if (error) {
    return <Result status="warning" title={errorMessage(error)} extra={<Button onClick={() => navigate('/personnel')}>返回名册</Button>} />;
  }
  if (!data) return <Skeleton active={loading} />;
  const p = data.person;

  const reveal = () =>
    void unwrap(api['personnel.revealIdNumber']({ id }))
      .then((r) => setRevealed(r.idNumber))
      .catch((err: unknown) => void message.error(errorMessage(err)));

  const remove = () =>
    modal.confirm({
      title: `删除人员“${p.name}”？`,
      content: '只用于删除录入错误的记录；已发证的人员不能删除（离开执法岗位请办理证件注销）。删除后可在提示中撤销。',
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        try {
          const { operationId } = await unwrap(api['personnel.delete']({ id }));
          showUndo(`已删除人员“${p.name}”`, operationId, () => navigate(`/personnel/${id}`));
          navigate('/personnel');
        } catch (err) {
          void message.error(errorMessage(err));
        }
      },
    });

  const withdraw = (certType: CertType) =>
    modal.confirm({
      title: `撤回${p.name}的${certType}申领？`,
      content: '尚未发证的申领记录将被删除。可在提示中撤销。',
      okText: '撤回申领',
      cancelText: '取消',
      onOk: async () => {
        try {
          const { operationId } = await unwrap(api['certificates.withdraw']({ personId: id, certType }));
          saved(`已撤回${p.name}的${certType}申领`, operationId);
        } catch (err) {
          void message.error(errorMessage(err));
        }
      },
    });

  const deleteExam = (examId: number) =>
    modal.confirm({
      title: '删除这条考试记录？',
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        try {
          const { operationId } = await unwrap(api['certificates.deleteExam']({ examId }));
          saved('已删除考试记录', operationId);
        } catch (err) {
          void message.error(errorMessage(err));
        }
      },
    });

  const deleteTraining = (record: TrainingRecord) =>
    modal.confirm({
      title: `删除培训记录“${record.course}”？`,
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        try {
          const { operationId } = await unwrap(api['training.delete']({ id: record.id }));
          saved('已删除培训记录', operationId);
        } catch (err) {
          void message.error(errorMessage(err));
        }
      },
    });

  const thisYear = Number(data.today.slice(0, 4));
  const hoursThisYear = data.trainingByYear.find((y) => y.year === thisYear)?.hours ?? 0;
  const roleSlot = data.certificates[0];

  return (
    <div data-testid="person-page">
      <div className="page-header">
        <Space size={12} align="center">
          <Button icon={<ArrowLeftOutlined />} onClick={backToRoster}>
            返回名册
          </Button>
          <h1 data-testid="person-name">{p.name}</h1>
          {roleSlot ? <StatusTag status={roleSlot.status} days={p.daysToExpiry} /> : null}
          <Typography.Text type="secondary">
            {p.unitName} · {p.post ?? p.personnelKind}
          </Typography.Text>
          {p.isLegalReviewer ? <Tag color="purple">法制审核人员</Tag> : null}
        </Space>
        <Space>
          <Button icon={<EditOutlined />} onClick={() => setDialog({ kind: 'edit' })}>
            编辑
          </Button>
          <Button icon={<SwapOutlined />} onClick={() => setDialog({ kind: 'transfer' })}>
            调动
          </Button>
          <Button danger icon={<DeleteOutlined />} onClick={() => void remove()}>
            删除
          </Button>
        </Space>
      </div>
      {p.sexFromId || p.idProblem ? (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={p.idProblem ?? `登记的性别（${p.sex}）与身份证号（${p.sexFromId}）不一致，请核对后修改。`} />
      ) : null}
      <FieldsCard detail={data} onReveal={reveal} revealed={revealed} />
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          {data.certificates.map((slot) => (
            <CertificatePanel
              key={slot.certType}
              slot={slot}
              onAction={(action) => setDialog({ kind: 'step', certType: slot.certType, action })}
              onWithdraw={() => void withdraw(slot.certType)}
              onCorrect={(card) => setDialog({ kind: 'correct', card })}
            />
          ))}
        </Col>
        <Col xs={24} xl={10}>
          <Card size="small" styles={{ body: { paddingTop: 0 } }}>
            <Tabs
              items={[
                {
                  key: 'training',
                  label: '培训',
                  children: (
                    <div>
                      <Space style={{ marginBottom: 8, display: 'flex', justifyContent: 'space-between' }}>
                        <Typography.Text type={p.trainingRequired && hoursThisYear < data.trainingRequiredHours ? 'danger' : 'secondary'}>
                          {data.trainingByYear.length === 0 ? '没有培训记录' : data.trainingByYear.map((y) => `${y.year}年 ${y.hours} 学时`).join('，')}
                          {p.trainingRequired && hoursThisYear < data.trainingRequiredHours ? `（本年尚差 ${Math.round((data.trainingRequiredHours - hoursThisYear) * 10) / 10} 学时）` : ''}
                        </Typography.Text>
                        <Button size="small" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'training' })}>
                          登记培训
                        </Button>
                      </Space>
                      <Table<TrainingRecord>
                        size="small"
                        rowKey="id"
                        pagination={{ pageSize: 8, size: 'small', hideOnSinglePage: true }}
                        dataSource={data.training}
                        columns={[
                          { title: '日期', dataIndex: 'trainingDate', width: 100 },
                          { title: '培训内容', dataIndex: 'course', ellipsis: true },
                          { title: '学时', dataIndex: 'hours', width: 56, align: 'right' },
                          {
                            title: '',
                            width: 96,
                            render: (_v, r) => (
                              <Space size={0}>
                                <Button size="small" type="link" onClick={() => setDialog({ kind: 'training', record: r })}>
                                  修改
                                </Button>
                                <Button size="small" type="link" danger onClick={() => void deleteTraining(r)}>
                                  删除
                                </Button>
                              </Space>
                            ),
                          },
                        ]}
                      />
                    </div>
                  ),
                },
                {
                  key: 'exams',
                  label: `考试（${data.exams.length}）`,
                  children: (
                    <div>
                      <Space style={{ marginBottom: 8, display: 'flex', justifyContent: 'flex-end' }}>
                        <Button size="small" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'exam' })} data-testid="record-exam">
                          登记考试成绩
                        </Button>
                      </Space>
                      <Table
                        size="small"
                        rowKey="id"
                        pagination={false}
                        dataSource={data.exams}
                        locale={{ emptyText: '没有考试记录' }}
                        columns={[
                          { title: '日期', dataIndex: 'examDate', width: 100 },
                          { title: '考试类型', dataIndex: 'examType' },
                          { title: '成绩', dataIndex: 'score', width: 60, align: 'right', render: (v: number | null) => v ?? '—' },
                          { title: '结果', dataIndex: 'passed', width: 64, render: (v: boolean) => (v ? <Tag color="green">合格</Tag> : <Tag color="red">未通过</Tag>) },
                          {
                            title: '',
                            width: 60,
                            render: (_v, e) => (
                              <Button size="small" type="link" danger onClick={() => void deleteExam(e.id)}>
                                删除
                              </Button>
                            ),
                          },
                        ]}
                      />
                    </div>
                  ),
                },
                {
                  key: 'transfers',
                  label: `调动（${data.transfers.length}）`,
                  children:
                    data.transfers.length === 0 ? (
                      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有调动记录" />
                    ) : (
                      <Table
                        size="small"
                        rowKey="id"
                        pagination={false}
                        dataSource={data.transfers}
                        columns={[
                          { title: '日期', dataIndex: 'transferDate', width: 100 },
                          { title: '调出单位', dataIndex: 'fromUnitName' },
                          { title: '调入单位', dataIndex: 'toUnitName' },
                          { title: '文号', dataIndex: 'docRef', render: (v: string | null) => v ?? '—' },
                        ]}
                      />
                    ),
                },
                { key: 'history', label: '变更记录', children: <PersonHistory personId={id} version={version} onUndone={refresh} /> },
              ]}
            />
          </Card>
        </Col>
      </Row>

      {dialog?.kind === 'edit' ? <PersonEditor person={p} onClose={() => setDialog(null)} onSaved={(text, op) => saved(text, op)} /> : null}
      {dialog?.kind === 'transfer' ? <TransferDialog person={p} onClose={() => setDialog(null)} onSaved={saved} /> : null}
      {dialog?.kind === 'exam' ? <ExamDialog personId={id} personName={p.name} onClose={() => setDialog(null)} onSaved={saved} /> : null}
      {dialog?.kind === 'training' ? <TrainingDialog personIds={[id]} record={dialog.record} onClose={() => setDialog(null)} onSaved={saved} /> : null}
      {dialog?.kind === 'correct' ? <CorrectionDialog card={dialog.card} onClose={() => setDialog(null)} onSaved={saved} /> : null}
      {dialog?.kind === 'step' ? (
        <CertificateStepDialog
          personId={id}
          personName={p.name}
          certType={dialog.certType}
          action={dialog.action}
          current={data.certificates.find((s) => s.certType === dialog.certType)?.current ?? null}
          validityYears={data.certValidityYears}
          onClose={() => setDialog(null)}
          onDone={saved}
        />
      ) : null}
    </div>
  );
}
