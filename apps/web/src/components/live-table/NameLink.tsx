import { Link, useSearchParams } from 'react-router';
import { withSelector } from '../../lib/paths';

/**
 * The NAME cell: a link to the object's page. Not a tab stop of its own: the row is (arrows move
 * between rows, Enter opens one), so the table costs one Tab, not one per row.
 */
export function NameLink({ name, href }: { name: string; href: string }) {
  // The list's label selector travels along, so the object page's label chips add to it.
  const selector = useSearchParams()[0].get('l');
  return (
    <Link
      to={withSelector(href, selector)}
      tabIndex={-1}
      title={name}
      className="font-medium text-sky-800 hover:underline dark:text-sky-300"
    >
      {name}
    </Link>
  );
}
