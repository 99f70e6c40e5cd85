import { App, AutoComplete, Button, Checkbox, Form, Input, Modal, Radio, Select, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { personValuesSchema, type PersonDetail } from '../../../shared/api/methods/personnel.ts';
import { certificateEligibility } from '../../../shared/domain/certificate-rules.ts';
import { checkIdNumber, normalizeIdNumber } from '../../../shared/domain/id-number.ts';
import { PERSONNEL_KINDS, SEXES, STAFFING_NOT_REPORTED, STAFFING_TYPES, type PersonnelKind, type Sex, type StaffingType } from '../../../shared/domain/personnel-fields.ts';
import { api, ApiCallError, errorMessage, unwrap } from '../../api/client.ts';
import { useApi } from '../../api/use-api.ts';
import { useToday } from '../../app/registry-env.tsx';
import { maxLengthOf, textRules } from '../../forms/contract-rules.ts';

const PERSON = personValuesSchema.shape;

interface FormValues {
  unitId?: number;
  personnelKind: PersonnelKind;
  name?: string;
  idNumber?: string;
  sex?: Sex;
  staffingType?: StaffingType;
  post?: string;
  enforcementCategory?: string;
  enforcementScope?: string;
  isLegalReviewer: boolean;
  phone?: string;
  notes?: string;
}

const blank = (v: string | undefined) => (v === undefined || v.trim() === '' ? null : v.trim());

/**
 * Adds a person or edits one. The ID number is checked as it is typed (GB 11643: length, birth
 * date, check digit); birth date and sex are read from it, and a sex that contradicts it is shown
 * as a warning (the clerk may still save: the number or the record may be the one that is wrong).
 */
export function PersonEditor({
  person,
  defaultUnitId,
  onClose,
  onSaved,
}: {
  person: PersonDetail['person'] | null;
  defaultUnitId?: number | null;
  onClose: () => void;
  onSaved: (text: string, operationId: number | null, id: number) => void;
}) {
  const [form] = Form.useForm<FormValues>();
  const today = useToday();
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  // When editing, the number is shown masked and only sent when the clerk changes it.
  const [editingId, setEditingId] = useState(person === null);
  const units = useApi(() => api['units.list']({}), 'editor-units');
  const vocabulary = useApi(() => api['personnel.vocabulary']({}), 'editor-vocabulary');
  const idNumber = Form.useWatch('idNumber', form);
  const sex = Form.useWatch('sex', form);
  const staffingType = Form.useWatch('staffingType', form);

  const idCheck = useMemo(() => {
    if (!editingId || !idNumber) return null;
    return checkIdNumber(normalizeIdNumber(idNumber), today);
  }, [idNumber, editingId, today]);
  const idSex = idCheck?.ok ? idCheck.sex : person && !editingId ? (person.sexFromId ?? person.sex) : null;
  const sexWarning = idSex !== null && sex !== undefined && idSex !== sex ? `身份证号显示为${idSex}性，与所填性别不一致，请核对。` : null;

  const initial: FormValues = person
    ? {
        unitId: person.unitId,
        personnelKind: person.personnelKind,
        name: person.name,
        idNumber: '',
        sex: person.sex,
        staffingType: person.staffingType,
        post: person.post ?? undefined,
        enforcementCategory: person.enforcementCategory ?? undefined,
        enforcementScope: person.enforcementScope ?? undefined,
        isLegalReviewer: person.isLegalReviewer,
        phone: person.phone ?? undefined,
        notes: person.notes ?? undefined,
      }
    : { unitId: defaultUnitId ?? undefined, personnelKind: '执法人员', isLegalReviewer: false };

  const submit = async (v: FormValues) => {
    setSaving(true);
    const values = {
      unitId: v.unitId ?? 0,
      personnelKind: v.personnelKind,
      name: (v.name ?? '').replace(/[\s\u3000]+/g, ''),
      sex: v.sex ?? '男',
      staffingType: v.staffingType ?? '行政编制',
      post: blank(v.post),
      enforcementCategory: blank(v.enforcementCategory),
      enforcementScope: blank(v.enforcementScope),
      isLegalReviewer: v.isLegalReviewer,
      phone: blank(v.phone),
      notes: blank(v.notes),
    };
    try {
      if (person) {
        const { operationId } = await unwrap(api['personnel.update']({ id: person.id, values: { ...values, idNumber: editingId ? (v.idNumber ?? '') : null } }));
        onSaved(`已保存“${values.name}”的信息`, operationId, person.id);
      } else {
        const { id, operationId } = await unwrap(api['personnel.create']({ ...values, idNumber: v.idNumber ?? '' }));
        onSaved(`已新增人员“${values.name}”`, operationId, id);
      }
    } catch (err) {
      // Put a field's problem next to the field; anything else in a message.
      const issue = err instanceof ApiCallError ? err.error.issues?.[0] : undefined;
      if (issue && issue.path && issue.path in initial) {
        form.setFields([{ name: issue.path as keyof FormValues, errors: [errorMessage(err)] }]);
      } else void message.error(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };

  const unitOptions = (units.data?.units ?? []).map((u) => ({ value: u.id, label: u.name }));
  return (
    <Modal
      open
      title={person ? `编辑人员：${person.name}` : '新增人员'}
      okText="保存"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={720}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={initial} onFinish={(v) => void submit(v)} requiredMark data-testid="person-editor">
        <Space size={16} style={{ display: 'flex' }} align="start">
          <Form.Item
            name="unitId"
            label="单位"
            rules={[{ required: true, message: '请选择单位' }]}
            tooltip={person ? '更换单位请在人员页面使用“调动”，以保留调入调出记录' : undefined}
            style={{ width: 300 }}
          >
            <Select showSearch optionFilterProp="label" options={unitOptions} disabled={person !== null} placeholder="选择单位" />
          </Form.Item>
          <Form.Item name="personnelKind" label="人员类别" rules={[{ required: true }]}>
            <Radio.Group options={PERSONNEL_KINDS.map((k) => ({ value: k, label: k }))} optionType="button" />
          </Form.Item>
        </Space>
        <Space size={16} style={{ display: 'flex' }} align="start">
          <Form.Item name="name" label="姓名" rules={textRules(PERSON.name, '姓名')} style={{ width: 160 }}>
            <Input autoFocus={person === null} />
          </Form.Item>
          {editingId ? (
            <Form.Item
              name="idNumber"
              label="身份证号"
              style={{ width: 260 }}
              validateTrigger="onBlur"
              rules={[
                { required: true, message: '请填写身份证号' },
                {
                  validator: (_r, value: string | undefined) => {
                    if (!value) return Promise.resolve();
                    const check = checkIdNumber(normalizeIdNumber(value), today);
                    return check.ok ? Promise.resolve() : Promise.reject(new Error(check.message));
                  },
                },
              ]}
              extra={idCheck?.ok ? `出生日期 ${idCheck.birthDate}，${idCheck.sex}` : undefined}
            >
              <Input
                maxLength={maxLengthOf(PERSON.idNumber)}
                placeholder="18位，末位可为X"
                data-testid="id-number-input"
                onBlur={() => {
                  const raw = form.getFieldValue('idNumber') as string | undefined;
                  if (!raw) return;
                  const check = checkIdNumber(normalizeIdNumber(raw), today);
                  form.setFieldValue('idNumber', normalizeIdNumber(raw));
                  if (check.ok && form.getFieldValue('sex') === undefined) form.setFieldValue('sex', check.sex);
                }}
              />
            </Form.Item>
          ) : (
            <Form.Item label="身份证号" style={{ width: 260 }}>
              <Space>
                <Typography.Text className="tabular">{person?.idNumber}</Typography.Text>
                <Button size="small" autoInsertSpace={false} onClick={() => setEditingId(true)}>
                  修改
                </Button>
              </Space>
            </Form.Item>
          )}
          <Form.Item name="sex" label="性别" rules={[{ required: true, message: '请选择性别' }]} help={sexWarning ?? undefined} validateStatus={sexWarning ? 'warning' : undefined}>
            <Radio.Group options={SEXES.map((s) => ({ value: s, label: s }))} />
          </Form.Item>
        </Space>
        <Space size={16} style={{ display: 'flex' }} align="start">
          <Form.Item
            name="staffingType"
            label="编制类型"
            rules={[{ required: true, message: '请选择编制类型' }]}
            style={{ width: 200 }}
            help={
              staffingType && certificateEligibility(staffingType) === 'ineligible'
                ? '该类人员不能申领行政执法证件'
                : staffingType && certificateEligibility(staffingType) === 'to_confirm'
                  ? '报送名册未填写，请核实后选择'
                  : undefined
            }
            validateStatus={staffingType && certificateEligibility(staffingType) !== 'eligible' ? 'warning' : undefined}
          >
            <Select options={STAFFING_TYPES.map((t) => ({ value: t, label: t === STAFFING_NOT_REPORTED ? '未填写（待核实）' : t }))} />
          </Form.Item>
          <Form.Item name="post" label="职务" rules={textRules(PERSON.post, '职务')} style={{ width: 200 }}>
            <AutoComplete options={(vocabulary.data?.posts ?? []).map((p) => ({ value: p }))} filterOption={(input, option) => (option?.value ?? '').includes(input)} />
          </Form.Item>
          <Form.Item name="enforcementCategory" label="执法类别" rules={textRules(PERSON.enforcementCategory, '执法类别')} style={{ width: 220 }}>
            <AutoComplete
              options={(vocabulary.data?.categories ?? []).map((c) => ({ value: c.category }))}
              filterOption={(input, option) => (option?.value ?? '').includes(input)}
              onSelect={(value: string) => {
                const scope = vocabulary.data?.categories.find((c) => c.category === value)?.scope;
                if (scope && !form.getFieldValue('enforcementScope')) form.setFieldValue('enforcementScope', scope);
              }}
            />
          </Form.Item>
        </Space>
        <Form.Item name="enforcementScope" label="执法范围" rules={textRules(PERSON.enforcementScope, '执法范围')}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} />
        </Form.Item>
        <Space size={16} style={{ display: 'flex' }} align="start">
          <Form.Item name="phone" label="联系电话" rules={textRules(PERSON.phone, '联系电话')} style={{ width: 200 }}>
            <Input />
          </Form.Item>
          <Form.Item name="isLegalReviewer" valuePropName="checked" label=" " colon={false}>
            <Checkbox>法制审核人员</Checkbox>
          </Form.Item>
        </Space>
        <Form.Item name="notes" label="备注" rules={textRules(PERSON.notes, '备注')}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} />
        </Form.Item>
        <button type="submit" hidden aria-hidden />
      </Form>
    </Modal>
  );
}
