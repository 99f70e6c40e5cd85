import { Form, Typography } from 'antd';
import { normaliseDocNumber } from '../../shared/domain/document-number.ts';

/**
 * Under a 文号 field: what the registry will store when the typed form differs from the official one
 * (沅教发[2026]第012号 → 沅教发〔2026〕12号), so the clerk sees the change before saving. The backend
 * applies the same rule (shared/domain/document-number.ts) on every write.
 */
export function DocNumberPreview({ name }: { name: string }) {
  const form = Form.useFormInstance();
  const value: unknown = Form.useWatch(name, form);
  if (typeof value !== 'string' || value.trim() === '') return null;
  const normal = normaliseDocNumber(value);
  if (normal === value.trim()) return null;
  return (
    <Typography.Text type="secondary" data-testid="doc-number-preview">
      将保存为规范文号：{normal}
    </Typography.Text>
  );
}
