// Query/mutation hooks for calibration notes: the preview (what the file would hold, as of
// today) and the export itself (Rust opens the native save dialog and writes the file).
import { useMutation, useQuery } from "@tanstack/react-query";

import { commands } from "../bindings";
import type { ExportFormat, ExportOptions, ExportScope } from "../bindings";
import { call } from "./ipc";

export const exportKeys = {
  preview: (scope: ExportScope, options: ExportOptions) => ["exports", "preview", scope, options] as const,
};

/**
 * The notes as they would be exported with these options. Always refetched when the dialog
 * opens (staleTime 0): the preview must match what the file will say, privacy line first.
 */
export const useNotesPreview = (scope: ExportScope, options: ExportOptions) =>
  useQuery({
    queryKey: exportKeys.preview(scope, options),
    queryFn: () => call(commands.previewCalibrationNotes(scope, options)),
    staleTime: 0,
  });

/** Saves the notes: resolves to the path written, or null when the manager cancelled the save dialog. */
export const useExportNotes = () =>
  useMutation({
    mutationFn: (a: { scope: ExportScope; format: ExportFormat; options: ExportOptions }) =>
      call(commands.exportCalibrationNotes(a.scope, a.format, a.options)),
  });
