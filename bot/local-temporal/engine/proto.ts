// Access to Temporal's API messages through the protobufjs root that @temporalio/proto ships, so the server
// speaks exactly the wire format (and the field names) the SDK 1.24 was generated from.
import protoRoot from "@temporalio/proto";
import type { google, temporal } from "@temporalio/proto";

/** Enum values (the generated namespaces are only importable as types from this CommonJS package). */
export const enums = protoRoot.temporal.api.enums.v1;
export const RpcStatus = protoRoot.google.rpc.Status;
export const root = protoRoot as unknown as {
  lookupService(name: string): import("protobufjs").Service;
  lookupType(name: string): import("protobufjs").Type;
};

export type Long = NonNullable<temporal.api.history.v1.HistoryEvent.$Properties["eventId"]>;
export type IHistoryEvent = temporal.api.history.v1.IHistoryEvent;
export type ICommand = temporal.api.command.v1.ICommand;
export type IPayloads = temporal.api.common.v1.IPayloads;
export type IFailure = temporal.api.failure.v1.IFailure;
export type IRetryPolicy = temporal.api.common.v1.IRetryPolicy;
export type ITimestamp = google.protobuf.ITimestamp;
export type IDuration = google.protobuf.IDuration;

export const EventType = enums.EventType;
export const CommandType = enums.CommandType;

/** protobufjs encodes plain numbers into int64 fields; the generated typings only admit Long. */
export function int64(n: number): Long {
  return n as unknown as Long;
}

/** Reads an int64 that may arrive as a Long (decoded) or a number (built locally). */
export function num(v: Long | number | string | null | undefined): number {
  if (v == null) return 0;
  if (typeof v === "number") return v;
  if (typeof v === "string") return Number(v);
  return v.toNumber();
}

export function timestamp(ms: number): ITimestamp {
  return { seconds: int64(Math.floor(ms / 1000)), nanos: Math.round(ms % 1000) * 1_000_000 };
}

export function timestampMs(t: ITimestamp | null | undefined): number | undefined {
  if (!t) return undefined;
  return num(t.seconds) * 1000 + Math.floor((t.nanos ?? 0) / 1_000_000);
}

export function duration(ms: number): IDuration {
  return { seconds: int64(Math.floor(ms / 1000)), nanos: Math.round(ms % 1000) * 1_000_000 };
}

/** A missing or zero duration means "unbounded" in Temporal's API; both come back as 0 here. */
export function durationMs(d: IDuration | null | undefined): number {
  if (!d) return 0;
  return num(d.seconds) * 1000 + Math.floor((d.nanos ?? 0) / 1_000_000);
}

/** Packs a message into google.protobuf.Any, as protocol messages and error details need. */
export function packAny(typeName: string, value: object): google.protobuf.IAny {
  const type = root.lookupType(typeName);
  return { type_url: `type.googleapis.com/${typeName}`, value: type.encode(type.fromObject(value)).finish() };
}

export function unpackAny<T>(any: google.protobuf.IAny | null | undefined): { typeName: string; value: T } | undefined {
  if (!any?.type_url || !any.value) return undefined;
  const typeName = any.type_url.slice(any.type_url.lastIndexOf("/") + 1);
  return { typeName, value: root.lookupType(typeName).decode(any.value) as unknown as T };
}
