import { parseSelector, selectorToString } from '@wheelhouse/core';
import { Link, useSearchParams } from 'react-router';
import { PageMessage } from '../../../components/notices';
import { PageHeader } from '../../../components/ViewHeader';
import { listPath } from '../../../lib/paths';
import { checkSelector } from '../../../lib/selector-text';
import { WorkloadLogsPanel } from './WorkloadLogsPanel';

/**
 * `/logs?ns=<namespace>&l=<selector>`: the logs of every pod a list's label selector picks (the list
 * view's "Logs" link), in one merged, live view.
 */
export default function WorkloadLogsPage() {
  const [search] = useSearchParams();
  const namespace = search.get('ns') ?? '';
  const raw = search.get('l') ?? '';
  const checked = checkSelector(raw);
  // Canonical, as the server keys its informers (a list with this selector shares the watch).
  const selector = checked.ok && checked.text ? selectorToString(parseSelector(checked.text)) : '';
  return (
    <div className="min-h-0 flex-1 overflow-auto">
      <PageHeader
        className="px-4 pt-4"
        documentTitle={`Logs of ${raw || 'pods'} · ${namespace}`}
        breadcrumb={
          <nav aria-label="Breadcrumb" className="text-slate-500 text-sm dark:text-slate-400">
            <Link to={listPath('pods', namespace || undefined, raw || undefined)} className="hover:underline">
              Pods
            </Link>
            <span aria-hidden="true"> / </span>
            <span>{namespace || 'no namespace'}</span>
          </nav>
        }
        title={
          <>
            <span className="font-normal text-slate-500 dark:text-slate-400">Logs of </span>
            <code className="font-mono">{raw || '…'}</code>
          </>
        }
      />
      <div className="px-4 pt-3 pb-8">
        {!namespace ? (
          <PageMessage role="alert">
            Choose a namespace: the logs view follows the pods of one namespace.
          </PageMessage>
        ) : !checked.ok ? (
          <PageMessage role="alert">Not a valid label selector: {checked.message}</PageMessage>
        ) : !selector ? (
          <PageMessage role="alert">
            Give a label selector (<code>?l=app=web</code>): the logs of every pod of a namespace at once are
            not a workload.
          </PageMessage>
        ) : (
          <WorkloadLogsPanel
            namespace={namespace}
            selector={selector}
            fileName={`${namespace}_${selector}.log`}
          />
        )}
      </div>
    </div>
  );
}
