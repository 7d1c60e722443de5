// The one door to Rust: every call goes through the generated bindings and comes back either
// as data or as a thrown CommandError carrying the typed {kind, message} error.
import type { TrellisError } from "../bindings";

/** An error the UI can show: a typed core error, or a failure of the IPC layer itself. */
export type UiError = TrellisError | { kind: "ipc"; message: string };

export class CommandError extends Error {
  readonly detail: UiError;

  constructor(detail: UiError) {
    super(detail.message);
    this.name = "CommandError";
    this.detail = detail;
  }
}

type Result<T> = { status: "ok"; data: T } | { status: "error"; error: TrellisError };

function isTrellisError(e: unknown): e is TrellisError {
  return typeof e === "object" && e !== null && "kind" in e && "message" in e;
}

/** Awaits a command; returns its data or throws a CommandError. */
export async function call<T>(result: Promise<Result<T>>): Promise<T> {
  let settled: Result<T>;
  try {
    settled = await result;
  } catch (e) {
    throw new CommandError({ kind: "ipc", message: e instanceof Error ? e.message : String(e) });
  }
  if (settled.status === "ok") return settled.data;
  // Tauri itself rejects with a plain string (unknown command, bad argument shape).
  const error: unknown = settled.error;
  throw new CommandError(isTrellisError(error) ? error : { kind: "ipc", message: String(error) });
}

/** The UiError inside anything thrown, for display. */
export function toUiError(e: unknown): UiError {
  if (e instanceof CommandError) return e.detail;
  return { kind: "ipc", message: e instanceof Error ? e.message : String(e) };
}

/** Field name → message, for inline form errors. */
export function fieldErrors(e: unknown): Record<string, string> {
  const detail = toUiError(e);
  if (detail.kind !== "validation") return {};
  return Object.fromEntries(detail.fields.map((f) => [f.field, f.message]));
}

/**
 * The error thrown by `e`, with its validation fields renamed (a form whose fields sit at the top
 * level, where the core names them inside a nested draft: "changed.statement" → "statement").
 */
export function renameFields(e: unknown, rename: (field: string) => string): unknown {
  if (!(e instanceof CommandError) || e.detail.kind !== "validation") return e;
  return new CommandError({ ...e.detail, fields: e.detail.fields.map((f) => ({ ...f, field: rename(f.field) })) });
}
