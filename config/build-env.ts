/**
 * No imports from outside config/: Taro's config loader compiles only this folder. The notice kinds come in by
 * naming rule instead, `NOTICE_TMPL_<KIND>` (types/notices.ts `clientEnv`; tests/config checks they agree).
 */
const TEMPLATE_VAR = /^NOTICE_TMPL_([A-Z0-9_]+)$/;

/** What a development weapp build calls the cloud when TCB_ENV is not set: obviously not an environment id. */
export const DEV_PLACEHOLDER_ENV = 'dev-placeholder-no-TCB_ENV';
/** The placeholder older builds shipped; refused like an empty value. */
const OLD_PLACEHOLDER_ENV = 'your-cloudbase-env-id';

export const MISSING_ENV_MESSAGE =
  '生产构建缺少云开发环境 ID：请设置 TCB_ENV 后再构建，例如 `TCB_ENV=cloud1-xxxx npm run build:weapp`' +
  '（环境 ID 在 云开发控制台 → 设置 中查看）。不设置就构建出的小程序每次调用云函数都会失败。';

export interface TBuildEnvInput {
  taroEnv: string;
  nodeEnv: string | undefined;
  env: Record<string, string | undefined>;
}

export class BuildEnvError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BuildEnvError';
  }
}

/**
 * The build-time constants (`defineConstants`) the client reads: `CLOUD_ENV` (weapp's CloudBase environment) and
 * `NOTICE_TEMPLATE_IDS` (subscribe-message template id per notice kind, from `NOTICE_TMPL_<KIND>`).
 * A production weapp build without TCB_ENV stops here: it would ship an app whose every call fails.
 * Development builds and H5 (which never calls the cloud) get a marked placeholder.
 */
export function buildConstants({ taroEnv, nodeEnv, env }: TBuildEnvInput): Record<string, string> {
  const tcbEnv = env.TCB_ENV?.trim() ?? '';
  const missing = tcbEnv === '' || tcbEnv === OLD_PLACEHOLDER_ENV || tcbEnv === DEV_PLACEHOLDER_ENV;
  if (missing && taroEnv === 'weapp' && nodeEnv === 'production') throw new BuildEnvError(MISSING_ENV_MESSAGE);
  const templateIds: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    const kind = TEMPLATE_VAR.exec(name)?.[1];
    if (kind && value?.trim()) templateIds[kind.toLowerCase()] = value.trim();
  }
  return {
    CLOUD_ENV: JSON.stringify(missing ? DEV_PLACEHOLDER_ENV : tcbEnv),
    NOTICE_TEMPLATE_IDS: JSON.stringify(templateIds),
  };
}
