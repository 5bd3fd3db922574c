/**
 * The real environment for setup:cloud: manager-node for collections, indexes and rules; the storage adapter
 * (node-sdk) for documents. Loaded only when the plan is applied, so `--dry-run` needs neither credentials
 * nor manager-node.
 */
import { createCloudbaseStoreFromEnv } from '../../cloudfunctions/core/storage/cloudbase';
import type { TSetupManager, TSetupTarget } from './apply';

export const CREDENTIAL_VARS = ['TCB_ENV', 'TENCENTCLOUD_SECRETID', 'TENCENTCLOUD_SECRETKEY'] as const;

export function missingCredentials(env: NodeJS.ProcessEnv): string[] {
  return CREDENTIAL_VARS.filter((name) => !env[name]);
}

export async function cloudbaseTarget(env: NodeJS.ProcessEnv): Promise<TSetupTarget> {
  const missing = missingCredentials(env);
  if (missing.length) throw new Error(`缺少环境变量 / missing environment variables: ${missing.join(', ')}`);
  const envId = env.TCB_ENV!;
  const { default: CloudBase } = await import('@cloudbase/manager-node');
  const manager: TSetupManager = new CloudBase({
    envId,
    secretId: env.TENCENTCLOUD_SECRETID,
    secretKey: env.TENCENTCLOUD_SECRETKEY,
    // Present with temporary (STS) keys only.
    token: env.TENCENTCLOUD_SESSIONTOKEN,
  });
  // tcb.init reads TENCENTCLOUD_SECRETID / SECRETKEY from the environment.
  return { envId, manager, store: createCloudbaseStoreFromEnv(envId) };
}
