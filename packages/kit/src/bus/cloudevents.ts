// CloudEvents attributes carried in NATS headers (binary content mode).
import { headers as natsHeaders, type MsgHdrs } from 'nats';

export interface CloudEventAttributes {
  id: string;
  type: string;
  source: string;
  subject: string;
  time: string;
}

export const CONTENT_TYPE = 'application/protobuf';

export function toHeaders(attributes: CloudEventAttributes, trace: Record<string, string>): MsgHdrs {
  const headers = natsHeaders();
  headers.set('ce-specversion', '1.0');
  headers.set('ce-id', attributes.id);
  headers.set('ce-type', attributes.type);
  headers.set('ce-source', attributes.source);
  headers.set('ce-subject', attributes.subject);
  headers.set('ce-time', attributes.time);
  headers.set('content-type', CONTENT_TYPE);
  for (const [key, value] of Object.entries(trace)) headers.set(key, value);
  return headers;
}

export function fromHeaders(headers: MsgHdrs | undefined): CloudEventAttributes | undefined {
  const get = (key: string) => headers?.get(key) || undefined;
  const id = get('ce-id');
  const type = get('ce-type');
  if (!id || !type) return undefined;
  return { id, type, source: get('ce-source') ?? '', subject: get('ce-subject') ?? '', time: get('ce-time') ?? '' };
}

/** The W3C trace headers of a message, for continuing its trace. */
export function traceOf(headers: MsgHdrs | undefined): Record<string, string> {
  const trace: Record<string, string> = {};
  for (const key of ['traceparent', 'tracestate']) {
    const value = headers?.get(key);
    if (value) trace[key] = value;
  }
  return trace;
}

/** All headers as a plain record, for storing a failed message. */
export function headersRecord(headers: MsgHdrs | undefined): Record<string, string> {
  const record: Record<string, string> = {};
  for (const key of headers?.keys() ?? []) record[key] = headers!.get(key);
  return record;
}
