import type { ExportScope } from "../../bindings";

/** Opens the calibration notes export for a report or a cycle. */
export function ExportNotesButton({ scope }: { scope: ExportScope }) {
  void scope;
  return null;
}
