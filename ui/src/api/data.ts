// Hooks for the data as a whole: backups, the archive (export everything / import) and
// recovery from a damaged database. Rust opens every file dialog; the UI never names a path.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import { commands } from "../bindings";
import { call } from "./ipc";

export const dataKeys = {
  backups: ["backups"] as const,
};

export const useBackups = () =>
  useQuery({ queryKey: dataKeys.backups, queryFn: () => call(commands.listBackups()), staleTime: 0 });

/** After the data was replaced (restore, import, recovery): every cached read is stale. */
function useDataReplaced() {
  const client = useQueryClient();
  return () => client.invalidateQueries();
}

export function useRestoreBackup() {
  const replaced = useDataReplaced();
  return useMutation({
    mutationFn: (fileName: string) => call(commands.restoreBackup(fileName)),
    onSettled: replaced,
  });
}

export const useExportArchive = () => useMutation({ mutationFn: () => call(commands.exportArchive()) });

export function useImportArchive() {
  const replaced = useDataReplaced();
  return useMutation({
    mutationFn: () => call(commands.importArchive()),
    onSuccess: (outcome) => {
      if (outcome) void replaced();
    },
  });
}

export function useRestoreAfterDamage() {
  const replaced = useDataReplaced();
  return useMutation({
    mutationFn: (fileName: string) => call(commands.restoreAfterDamage(fileName)),
    onSuccess: replaced,
  });
}

export function useStartEmptyAfterDamage() {
  const replaced = useDataReplaced();
  return useMutation({
    mutationFn: () => call(commands.startEmptyAfterDamage()),
    onSuccess: replaced,
  });
}
