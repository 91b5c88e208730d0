/**
 * Addresses on a push server, keeping its path prefix: behind a reverse proxy Gotify may live at
 * https://example.org/gotify/, and its message endpoint is then https://example.org/gotify/message.
 */
export function serverEndpoint(base: string, path: string): URL {
  const root = base.endsWith('/') ? base : `${base}/`;
  return new URL(path, root);
}
