import { Link } from 'react-router';
import { NONE } from '../../lib/kubectl/columns';
import { nodePath } from '../../lib/paths';
import { useViewParams } from '../../lib/url-state';

/**
 * A pod's NODE: a link to the node's page, carrying the namespace in view (nodes have none, so the
 * page passes it on to the views reached from it). `<none>` (not scheduled) stays text.
 * `tabbable` off inside a live table, whose row is the tab stop.
 */
export function NodeLink({ name, tabbable = true }: { name: string; tabbable?: boolean }) {
  const { namespace } = useViewParams();
  if (!name || name === NONE) return <span title={name}>{name || NONE}</span>;
  return (
    <Link
      to={nodePath(name, namespace)}
      tabIndex={tabbable ? undefined : -1}
      title={name}
      data-testid="node-link"
      className="text-sky-800 hover:underline dark:text-sky-300"
    >
      {name}
    </Link>
  );
}
