/**
 * RFC 5545 iCalendar writer, just what phone calendars need to import an event list:
 * CRLF line ends, content lines folded at 75 octets (never inside a UTF-8 character),
 * TEXT values escaped, every DATE-TIME in UTC ("Z") so no VTIMEZONE block is needed.
 */

export interface CalendarEvent {
  uid: string;
  start: string;
  end?: string;
  summary: string;
  description?: string;
  location?: string;
  geo?: { lat: number; lon: number };
}

export interface CalendarOptions {
  /** the moment the file is produced: passed in so the writer stays pure */
  dtstamp: string;
  name?: string;
  prodId?: string;
}

/** TEXT escaping (RFC 5545 3.3.11): backslash, semicolon, comma, newline. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n");
}

/** 2026-12-29T10:30:00+09:00 -> 20261229T013000Z */
export function utcStamp(instant: string): string {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) throw new Error(`not an instant: ${instant}`);
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

/**
 * Fold a content line (RFC 5545 3.1): at most 75 octets per physical line, the
 * continuation starting with one space (which counts toward its 75).
 */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const out: string[] = [];
  let current = "";
  let octets = 0;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    const limit = out.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      out.push(current);
      current = "";
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join("\r\n ");
}

export function toICalendar(events: CalendarEvent[], options: CalendarOptions): string {
  const lines: string[] = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    `PRODID:${options.prodId ?? "-//Muatan//Pickup schedule//ID"}`,
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
  ];
  if (options.name) lines.push(`X-WR-CALNAME:${escapeText(options.name)}`);
  const dtstamp = utcStamp(options.dtstamp);
  for (const event of events) {
    lines.push("BEGIN:VEVENT", `UID:${escapeText(event.uid)}`, `DTSTAMP:${dtstamp}`);
    lines.push(`DTSTART:${utcStamp(event.start)}`);
    // RFC 5545 wants DTEND after DTSTART; a zero-length pickup simply has none.
    if (event.end && Date.parse(event.end) > Date.parse(event.start))
      lines.push(`DTEND:${utcStamp(event.end)}`);
    lines.push(`SUMMARY:${escapeText(event.summary)}`);
    if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
    if (event.location) lines.push(`LOCATION:${escapeText(event.location)}`);
    if (event.geo) lines.push(`GEO:${event.geo.lat};${event.geo.lon}`);
    lines.push("END:VEVENT");
  }
  lines.push("END:VCALENDAR");
  return lines.map(foldLine).join("\r\n") + "\r\n";
}
