import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Select, Spin, Typography } from 'antd';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { SessionStatus } from '../../shared/api/methods/operators.ts';
import { api, errorMessage, LOCKED_EVENT, unwrap } from '../api/client.ts';

/**
 * Who is signed in (设置 › 操作员). The backend decides — it refuses every call but sign-in while
 * the program is locked — and this gate shows its answer: the sign-in screen instead of the
 * program, at start, after 锁定, and after the idle time. While signed in, the clerk's typing and
 * clicking tell the backend the program is in use, at most every 30 seconds.
 *
 * Without operators nothing changes: no sign-in, no lock.
 */

interface SessionEnv {
  status: SessionStatus;
  reload: () => Promise<void>;
  lock: () => Promise<void>;
}

const SessionContext = createContext<SessionEnv | null>(null);

/** How often the lock state is asked again (the idle time runs out in the backend). */
const POLL_MS = 30_000;
/** Activity is reported at most this often. */
const TOUCH_EVERY_MS = 30_000;
const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'wheel'] as const;

export function SessionGate({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<SessionStatus>();
  const [failure, setFailure] = useState<string>();

  const reload = useCallback(async () => {
    try {
      setStatus(await unwrap(api['session.status']({})));
      setFailure(undefined);
    } catch (err) {
      setFailure(errorMessage(err));
    }
  }, []);

  const lock = useCallback(async () => {
    setStatus(await unwrap(api['session.lock']({})));
  }, []);

  useEffect(() => {
    void reload();
    const timer = window.setInterval(() => void reload(), POLL_MS);
    const onLocked = () => void reload();
    window.addEventListener(LOCKED_EVENT, onLocked);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener(LOCKED_EVENT, onLocked);
    };
  }, [reload]);

  const watchActivity = status !== undefined && status.configured && !status.locked && status.idleLockMinutes > 0;
  const waiting = useRef(false);
  useEffect(() => {
    if (!watchActivity) return;
    let timer: number | undefined;
    const onActivity = () => {
      if (waiting.current) return;
      waiting.current = true;
      void api['session.touch']({}).then((result) => {
        if (result.ok && result.value.locked) void reload();
      });
      timer = window.setTimeout(() => {
        waiting.current = false;
      }, TOUCH_EVERY_MS);
    };
    for (const event of ACTIVITY_EVENTS) window.addEventListener(event, onActivity, { passive: true });
    return () => {
      for (const event of ACTIVITY_EVENTS) window.removeEventListener(event, onActivity);
      window.clearTimeout(timer);
      waiting.current = false;
    };
  }, [watchActivity, reload]);

  const value = useMemo(() => (status ? { status, reload, lock } : null), [status, reload, lock]);

  if (!value) {
    return failure ? (
      <Alert type="error" showIcon message="无法读取登录状态" description={failure} style={{ margin: 48 }} />
    ) : (
      <div style={{ display: 'flex', height: '100vh', alignItems: 'center', justifyContent: 'center' }}>
        <Spin size="large" />
      </div>
    );
  }
  // The program is unmounted while locked: nothing of the registry stays on the screen or in the page.
  if (value.status.locked) return <SignInScreen status={value.status} onSignedIn={setStatus} />;
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The session inside the gate (always signed in, or no operators configured). */
export function useSession(): SessionEnv {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionGate');
  return session;
}

interface SignInValues {
  operatorId: number;
  password?: string;
}

function SignInScreen({ status, onSignedIn }: { status: SessionStatus; onSignedIn: (status: SessionStatus) => void }) {
  const [form] = Form.useForm<SignInValues>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const operatorId = Form.useWatch('operatorId', form);
  const chosen = status.operators.find((o) => o.id === operatorId);

  const signIn = async (values: SignInValues) => {
    setBusy(true);
    setError(undefined);
    try {
      onSignedIn(await unwrap(api['session.signIn']({ operatorId: values.operatorId, password: values.password ?? '' })));
    } catch (err) {
      setError(errorMessage(err));
      form.setFieldValue('password', '');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', background: '#0f2a4a' }} data-testid="sign-in">
      <Card style={{ width: 380 }}>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          <LockOutlined /> 执法台账已锁定
        </Typography.Title>
        <Typography.Paragraph type="secondary">请选择您的姓名{chosen?.hasPassword ? '并输入密码' : ''}登录。每一次修改、查看完整身份证号和打印都会记录在您的名下。</Typography.Paragraph>
        <Form form={form} layout="vertical" onFinish={(v) => void signIn(v)} initialValues={{ operatorId: status.operators[0]?.id }}>
          <Form.Item name="operatorId" label="操作员" rules={[{ required: true, message: '请选择操作员' }]}>
            <Select suffixIcon={<UserOutlined />} options={status.operators.map((o) => ({ value: o.id, label: o.name }))} data-testid="sign-in-operator" />
          </Form.Item>
          {chosen?.hasPassword && (
            <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}>
              <Input.Password autoFocus autoComplete="current-password" data-testid="sign-in-password" />
            </Form.Item>
          )}
          {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} data-testid="sign-in-error" />}
          <Button type="primary" htmlType="submit" block loading={busy} data-testid="sign-in-submit">
            登录
          </Button>
        </Form>
      </Card>
    </div>
  );
}
