import { Link } from 'react-router';

/**
 * The NAME cell: a link to the object's page. Not a tab stop of its own: the row is (arrows move
 * between rows, Enter opens one), so the table costs one Tab, not one per row.
 */
export function NameLink({ name, href }: { name: string; href: string }) {
  return (
    <Link
      to={href}
      tabIndex={-1}
      title={name}
      className="font-medium text-sky-800 hover:underline dark:text-sky-300"
    >
      {name}
    </Link>
  );
}
