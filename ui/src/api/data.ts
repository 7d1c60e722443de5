// Hooks for the data as a whole: backups, the archive (export everything / import) and
// recovery from a damaged database. Rust opens every file dialog; the UI never names a path.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";

import { commands } from "../bindings";
import { call } from "./ipc";

export const dataKeys = {
  backups: ["backups"] as const,
};

export const useBackups = () =>
  useQuery({ queryKey: dataKeys.backups, queryFn: () => call(commands.listBackups()), staleTime: 0 });

/** Once the day's backup (made after the first screen) is done, the backups shown are stale. */
export function useBackupsAfterStart(dailyBackupPending: boolean | undefined) {
  const client = useQueryClient();
  const was = useRef(dailyBackupPending);
  useEffect(() => {
    if (was.current && dailyBackupPending === false) void client.invalidateQueries({ queryKey: dataKeys.backups });
    was.current = dailyBackupPending;
  }, [dailyBackupPending, client]);
}

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

export function useUnlock() {
  const replaced = useDataReplaced();
  return useMutation({ mutationFn: (passphrase: string) => call(commands.unlock(passphrase)), onSuccess: replaced });
}

export function useSetAsideUnreadable() {
  const replaced = useDataReplaced();
  return useMutation({ mutationFn: () => call(commands.setAsideUnreadable()), onSuccess: replaced });
}

export function useProtectWithPassphrase() {
  const replaced = useDataReplaced();
  return useMutation({
    mutationFn: (passphrase: string) => call(commands.protectWithPassphrase(passphrase)),
    onSettled: replaced,
  });
}

export function useChangePassphrase() {
  const replaced = useDataReplaced();
  return useMutation({
    mutationFn: (a: { current: string; passphrase: string }) => call(commands.changePassphrase(a.current, a.passphrase)),
    onSettled: replaced,
  });
}

export function useRemovePassphrase() {
  const replaced = useDataReplaced();
  return useMutation({
    mutationFn: (current: string) => call(commands.removePassphrase(current)),
    onSettled: replaced,
  });
}
