// Query/cache layer over the bindings: one hook per read, one per write. Components never
// call the bindings directly.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import { commands } from "../bindings";
import type {
  LadderLevel,
  LevelDraft,
  LevelId,
  Report,
  ReportDraft,
  ReportId,
  RosterFilter,
} from "../bindings";
import { call } from "./ipc";

export const keys = {
  appInfo: ["appInfo"] as const,
  reports: (filter: RosterFilter) => ["reports", filter] as const,
  allReports: ["reports"] as const,
  report: (id: ReportId) => ["report", id] as const,
  ladder: ["ladder"] as const,
  ladderChanges: ["ladderChanges"] as const,
};

/** Asked again every second while the day's backup, made after the first screen, is pending. */
export function useAppInfo() {
  return useQuery({
    queryKey: keys.appInfo,
    queryFn: () => commands.appInfo(),
    refetchInterval: (q) => (q.state.data?.dailyBackupPending ? 1000 : false),
  });
}

export function useReports(filter: RosterFilter) {
  return useQuery({ queryKey: keys.reports(filter), queryFn: () => call(commands.listReports(filter)) });
}

export function useReport(id: ReportId) {
  return useQuery({ queryKey: keys.report(id), queryFn: () => call(commands.getReport(id)) });
}

export function useLadder() {
  return useQuery({ queryKey: keys.ladder, queryFn: () => call(commands.listLadder()) });
}

export function useLadderChanges() {
  return useQuery({ queryKey: keys.ladderChanges, queryFn: () => call(commands.listLadderChanges()) });
}

/** After any report write: the roster lists, that report, and the ladder's usage counts. */
function useReportWrite<A>(write: (args: A) => Promise<Report>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: (report) => {
      client.setQueryData(keys.report(report.id), report);
      void client.invalidateQueries({ queryKey: keys.allReports });
      void client.invalidateQueries({ queryKey: keys.ladder });
      // Today and the roster's columns list reports (archived ones leave, cadences move).
      void client.invalidateQueries({ queryKey: ["radar"] });
    },
  });
}

export function useCreateReport() {
  return useReportWrite((draft: ReportDraft) => call(commands.createReport(draft)));
}

export function useUpdateReport() {
  return useReportWrite((a: { id: ReportId; expectedVersion: number; draft: ReportDraft }) =>
    call(commands.updateReport(a.id, a.expectedVersion, a.draft)),
  );
}

export function useArchiveReport() {
  return useReportWrite((id: ReportId) => call(commands.archiveReport(id)));
}

export function useRestoreReport() {
  return useReportWrite((id: ReportId) => call(commands.restoreReport(id)));
}

/** After any ladder write: the ladder, its history, and every report (level names). */
function useLadderWrite<A>(write: (args: A) => Promise<LadderLevel[]>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: (ladder) => {
      client.setQueryData(keys.ladder, ladder);
      void client.invalidateQueries({ queryKey: keys.ladderChanges });
      void client.invalidateQueries({ queryKey: keys.allReports });
      void client.invalidateQueries({ queryKey: ["report"] });
    },
  });
}

export function useAddLevel() {
  return useLadderWrite((draft: LevelDraft) => call(commands.addLevel(draft)));
}

export function useRenameLevel() {
  return useLadderWrite((a: { id: LevelId; name: string }) => call(commands.renameLevel(a.id, a.name)));
}

export function useMoveLevel() {
  return useLadderWrite((a: { id: LevelId; rank: number }) => call(commands.moveLevel(a.id, a.rank)));
}

export function useRemoveLevel() {
  return useLadderWrite((id: LevelId) => call(commands.removeLevel(id)));
}
