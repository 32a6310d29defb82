/** A Content-Type header split into its media type (lower case) and charset parameter, if any. */
export function parseContentType(header: string | undefined): { mediaType: string; charset: string | null } {
  const [type = "", ...parameters] = (header ?? "").split(";");
  let charset: string | null = null;
  for (const parameter of parameters) {
    const match = /^\s*charset\s*=\s*"?([^";\s]*)"?\s*$/i.exec(parameter);
    if (match) charset = (match[1] ?? "").toLowerCase();
  }
  return { mediaType: type.trim().toLowerCase(), charset };
}

/** The declared length when the client sent a valid Content-Length, so an oversize body is refused unread. */
export function declaredLength(header: string | undefined): number | null {
  return header !== undefined && /^\d+$/.test(header) ? Number(header) : null;
}
