import { z } from 'zod';
import { defineMethods } from '../define.ts';

/**
 * Operators (设置 › 操作员) and who is signed in. Without any operator the program works as before:
 * the name under 设置 › 业务规则 is recorded on changes. Once operators exist, the signed-in
 * operator is recorded instead, and the program asks who is working at start and after the idle
 * time (with the password, for an operator who has one).
 */

export const OPERATOR_NAME_MAX = 20;
export const PASSWORD_MIN = 6;
export const PASSWORD_MAX = 64;

const operatorName = z
  .string()
  .trim()
  .min(1, '请填写操作员姓名')
  .max(OPERATOR_NAME_MAX, `姓名最多 ${OPERATOR_NAME_MAX} 个字`)
  // No control characters: the name is printed as 经办人 and written into the logs.
  .regex(/^[^\p{Cc}]+$/u, '姓名不能包含控制字符');
const password = z.string().min(PASSWORD_MIN, `密码至少 ${PASSWORD_MIN} 位`).max(PASSWORD_MAX, `密码最多 ${PASSWORD_MAX} 位`);

export const operatorSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  hasPassword: z.boolean(),
});
export type OperatorEntry = z.infer<typeof operatorSchema>;

export const sessionStatusSchema = z.object({
  /** At least one operator exists: the signed-in operator is the name on every change. */
  configured: z.boolean(),
  signedIn: operatorSchema.nullable(),
  /** Configured and nobody signed in (at start, after 锁定, or after the idle time): only sign-in is possible. */
  locked: z.boolean(),
  /** 0: never locks by itself. */
  idleLockMinutes: z.number().int(),
  /** For the sign-in screen: names only, never anything about the passwords but whether one is set. */
  operators: z.array(operatorSchema),
});
export type SessionStatus = z.infer<typeof sessionStatusSchema>;

export const ACCESS_KINDS = ['reveal_id_number', 'print_full_ids', 'export_full_ids', 'backup_copy', 'restore', 'operators', 'sign_in', 'sign_in_failed'] as const;
export type AccessKind = (typeof ACCESS_KINDS)[number];

export const ACCESS_KIND_LABELS: Readonly<Record<AccessKind, string>> = {
  reveal_id_number: '查看完整身份证号',
  print_full_ids: '打印完整身份证号',
  export_full_ids: '导出完整身份证号',
  backup_copy: '复制整个数据库',
  restore: '从备份恢复',
  operators: '操作员管理',
  sign_in: '登录',
  sign_in_failed: '登录失败',
};

export const accessRowSchema = z.object({
  id: z.number().int(),
  at: z.string(),
  operator: z.string(),
  kind: z.enum(ACCESS_KINDS),
  summary: z.string(),
  personId: z.number().int().nullable(),
});
export type AccessRow = z.infer<typeof accessRowSchema>;

export const operatorMethods = defineMethods({
  'session.status': {
    title: '读取登录状态',
    input: z.object({}).strict(),
    output: sessionStatusSchema,
  },
  'session.signIn': {
    title: '登录',
    input: z.object({ operatorId: z.number().int().positive(), password: z.string().max(PASSWORD_MAX).default('') }).strict(),
    output: sessionStatusSchema,
  },
  'session.lock': {
    title: '锁定',
    input: z.object({}).strict(),
    output: sessionStatusSchema,
  },
  /** The clerk is working (typing, clicking) without calling the backend: the idle time starts again. */
  'session.touch': {
    title: '保持登录',
    input: z.object({}).strict(),
    output: z.object({ locked: z.boolean() }),
  },
  'operators.list': {
    title: '读取操作员',
    input: z.object({}).strict(),
    output: z.object({ operators: z.array(operatorSchema) }),
  },
  'operators.create': {
    title: '新增操作员',
    input: z.object({ name: operatorName, password: password.nullable().default(null) }).strict(),
    output: operatorSchema,
  },
  'operators.update': {
    title: '修改操作员',
    input: z
      .object({
        id: z.number().int().positive(),
        name: operatorName.optional(),
        /** A new password; null removes it; absent leaves it. */
        password: password.nullable().optional(),
        /** Required to change the signed-in operator's own password, when one is set. */
        currentPassword: z.string().max(PASSWORD_MAX).optional(),
      })
      .strict(),
    output: operatorSchema,
  },
  'operators.delete': {
    title: '删除操作员',
    input: z.object({ id: z.number().int().positive() }).strict(),
    output: z.object({ deleted: z.boolean() }),
  },
  'history.access': {
    title: '读取查阅记录',
    input: z.object({ limit: z.number().int().min(1).max(2000).default(200) }).strict(),
    output: z.object({ entries: z.array(accessRowSchema) }),
  },
  'history.export': {
    title: '导出操作记录',
    input: z.object({}).strict(),
    output: z.object({ fileId: z.string(), name: z.string(), rows: z.number().int() }),
  },
});
