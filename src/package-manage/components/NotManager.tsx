import { ErrorState } from '../../components/ErrorState';

/** Shown when the caller is not (or no longer) the group's leader or deputy. */
export function NotManager() {
  return <ErrorState message='只有本组织的负责人和副负责人可以进入此页面' />;
}
