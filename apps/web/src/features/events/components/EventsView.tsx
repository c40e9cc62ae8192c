import type { SortingState } from '@tanstack/react-table';
import { useMemo } from 'react';
import { LiveListTable } from '../../../components/live-table/LiveListTable';
import { ViewHeader } from '../../../components/ViewHeader';
import { eventRow } from '../../../lib/kubectl/cluster-rows';
import { useLiveNotice } from '../../../lib/live/live-context';
import { useLiveList } from '../../../lib/live/live-query';
import { listItems } from '../../../lib/live/reducers';
import { useUrlParam, useViewParams } from '../../../lib/url-state';
import { filterEvents, reasonCounts } from '../lib/event-filters';
import { eventColumns, targetPath } from './columns';
import { ObjectInput, ReasonSelect, TypeSelect } from './EventFilterControls';

/** Most recently seen first: what happened last is what the user came for. */
const BY_LAST_SEEN: SortingState = [{ id: 'lastseen', desc: true }];

/**
 * The Events of the namespace in view, or of all namespaces, live, as `kubectl get events` prints
 * them; filtered by type, reason and object (`?type=&reason=&object=`, beside the text filter
 * `?q=`), each OBJECT linked to its page when the dashboard has one.
 */
export default function EventsView() {
  const { namespace } = useViewParams();
  const params = { kind: 'events' as const, namespace };
  const query = useLiveList(params);
  const notice = useLiveNotice(params);
  const [type, setType] = useUrlParam('type');
  const [reason, setReason] = useUrlParam('reason');
  const [object, setObject] = useUrlParam('object');

  const all = useMemo(() => (query.data ? listItems(query.data).map(eventRow) : undefined), [query.data]);
  // Reasons are offered for the events the other filters leave, so each choice finds something.
  const reasons = useMemo(() => reasonCounts(filterEvents(all ?? [], { type, object })), [all, type, object]);
  const rows = useMemo(() => all && filterEvents(all, { type, reason, object }), [all, type, reason, object]);
  const narrowed = Boolean(type || reason || object);

  const columns = useMemo(() => eventColumns(namespace), [namespace]);

  return (
    <>
      <ViewHeader title="Events" namespace={namespace} />
      <LiveListTable
        key={namespace ?? '*'}
        noun="events"
        namespace={namespace}
        scope={
          narrowed
            ? `${namespace === undefined ? 'any namespace' : `namespace ${namespace}`} for these filters`
            : undefined
        }
        query={query}
        rows={rows}
        columns={columns}
        defaultSort={BY_LAST_SEEN}
        notice={notice}
        toolbar={
          <>
            <TypeSelect value={type ?? ''} onChange={setType} />
            <ReasonSelect value={reason ?? ''} reasons={reasons} onChange={setReason} />
            <ObjectInput value={object ?? ''} onChange={setObject} />
          </>
        }
        rowHref={(row) => targetPath(row.target, namespace)}
      />
    </>
  );
}
