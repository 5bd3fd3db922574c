import { ErrorState } from '../../components/ErrorState';

/** Shown when the caller does not (or no longer) manage the event. */
export function NotHost() {
  return <ErrorState message='只有主办组织的负责人、副负责人和社区社工可以进入此页面' />;
}
