/** A class's join link (`?class=CODE`), read by the title: light on purpose, so the class code stays off the way to it. */

let linkTaken = false;

/** Reads the `?class=CODE` of a join link, once per page load. */
export function takeClassLink(search: string): string | undefined {
  if (linkTaken) return undefined;
  linkTaken = true;
  const code = new URLSearchParams(search).get('class');
  return code ? code.toUpperCase().slice(0, 12) : undefined;
}
