// Query/cache hooks for cycles, candidates, packets, reviews, rules of thumb, manager
// history and the radar. Any write here can change signals, so writes refresh the radar.
import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";

import { commands } from "../bindings";
import type {
  AckDraft,
  AckId,
  CandidateDraft,
  CandidateId,
  CycleDraft,
  CycleId,
  ManagerChangeDraft,
  ManagerChangeId,
  ManualStatus,
  PacketSections,
  ReadinessDraft,
  ReportId,
  ReviewDraft,
  ReviewId,
  RuleDraft,
  RuleId,
  Thresholds,
} from "../bindings";
import { call } from "./ipc";

export const radarKeys = {
  cycles: ["cycles"] as const,
  cycle: (id: CycleId) => ["cycles", id] as const,
  candidates: (cycleId: CycleId) => ["cycles", cycleId, "candidates"] as const,
  candidacies: (reportId: ReportId) => ["candidacies", reportId] as const,
  candidate: (id: CandidateId) => ["candidate", id] as const,
  versions: (id: CandidateId) => ["candidate", id, "versions"] as const,
  diff: (id: CandidateId, from: number, to: number) => ["candidate", id, "diff", from, to] as const,
  reviews: (id: CandidateId) => ["candidate", id, "reviews"] as const,
  rules: ["rules"] as const,
  managers: (reportId: ReportId) => ["managers", reportId] as const,
  thresholds: ["thresholds"] as const,
  radar: ["radar"] as const,
  reportRadar: (reportId: ReportId, asOf: string) => ["radar", "report", reportId, asOf] as const,
  dashboard: (cycleId: CycleId, asOf: string) => ["radar", "cycle", cycleId, asOf] as const,
  acks: (reportId: ReportId) => ["radar", "acks", reportId] as const,
  today: ["radar", "today"] as const,
};

/** Every active report at a glance: open signals, readiness, next 1:1 (the roster's columns). */
export const useRosterGlance = (enabled = true) =>
  useQuery({ queryKey: ["radar", "glance"], queryFn: () => call(commands.getRosterGlance()), enabled });

/** What needs the manager today (opening it records the visit, for what is new tomorrow). */
export const useToday = () => useQuery({ queryKey: radarKeys.today, queryFn: () => call(commands.getToday()) });

/** After any write that can change what the radar sees. */
export function refreshRadar(client: QueryClient) {
  for (const key of [["radar"], ["cycles"], ["candidacies"], ["candidate"], ["rules"], ["managers"], ["search"]]) {
    void client.invalidateQueries({ queryKey: key });
  }
}

function useWrite<A, R>(write: (a: A) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: write, onSuccess: () => refreshRadar(client) });
}

// ---- Cycles and candidates ----

export const useCycles = () => useQuery({ queryKey: radarKeys.cycles, queryFn: () => call(commands.listCycles()) });
export const useCycle = (id: CycleId) => useQuery({ queryKey: radarKeys.cycle(id), queryFn: () => call(commands.getCycle(id)) });
export const useCreateCycle = () => useWrite((draft: CycleDraft) => call(commands.createCycle(draft)));
export const useUpdateCycle = () =>
  useWrite((a: { id: CycleId; expectedVersion: number; draft: CycleDraft }) => call(commands.updateCycle(a.id, a.expectedVersion, a.draft)));

export const useCandidates = (cycleId: CycleId) =>
  useQuery({ queryKey: radarKeys.candidates(cycleId), queryFn: () => call(commands.listCandidates(cycleId)) });
export const useCandidacies = (reportId: ReportId) =>
  useQuery({ queryKey: radarKeys.candidacies(reportId), queryFn: () => call(commands.listCandidacies(reportId)) });
export const useCandidate = (id: CandidateId) =>
  useQuery({ queryKey: radarKeys.candidate(id), queryFn: () => call(commands.getCandidate(id)) });
export const useAddCandidate = (cycleId: CycleId) => useWrite((draft: CandidateDraft) => call(commands.addCandidate(cycleId, draft)));
export const useSetReadiness = () =>
  useWrite((a: { id: CandidateId; expectedVersion: number; draft: ReadinessDraft }) =>
    call(commands.setReadiness(a.id, a.expectedVersion, a.draft)),
  );

// ---- Packets and reviews ----

export const usePacketVersions = (id: CandidateId) =>
  useQuery({ queryKey: radarKeys.versions(id), queryFn: () => call(commands.listPacketVersions(id)) });
export const usePacketDiff = (id: CandidateId, from: number, to: number, enabled = true) =>
  useQuery({
    queryKey: radarKeys.diff(id, from, to),
    queryFn: () => call(commands.packetDiff(id, from, to)),
    enabled,
    placeholderData: keepPreviousData,
  });
/** The packet sections drafted from the candidate's record (a proposal; nothing is saved). */
export const useDraftPacket = (id: CandidateId) => useMutation({ mutationFn: () => call(commands.draftPacket(id)) });
export const useSavePacket = (id: CandidateId) =>
  useWrite((a: { sections: PacketSections; note: string }) => call(commands.savePacket(id, a.sections, a.note)));

export const useReviews = (id: CandidateId) => useQuery({ queryKey: radarKeys.reviews(id), queryFn: () => call(commands.listReviews(id)) });
export const useAddReview = (id: CandidateId) => useWrite((draft: ReviewDraft) => call(commands.addReview(id, draft)));
export const useUpdateReview = () =>
  useWrite((a: { id: ReviewId; expectedVersion: number; draft: ReviewDraft }) => call(commands.updateReview(a.id, a.expectedVersion, a.draft)));
export const useSetRuleCheck = (id: CandidateId) =>
  useWrite((a: { ruleId: RuleId; status: ManualStatus | null; note: string }) => call(commands.setRuleCheck(id, a.ruleId, a.status, a.note)));

// ---- Rules of thumb ----

export const useRules = () => useQuery({ queryKey: radarKeys.rules, queryFn: () => call(commands.listRules()) });
export const useCreateRule = () => useWrite((draft: RuleDraft) => call(commands.createRule(draft)));
export const useUpdateRule = () =>
  useWrite((a: { id: RuleId; expectedVersion: number; draft: RuleDraft }) => call(commands.updateRule(a.id, a.expectedVersion, a.draft)));

// ---- Manager history ----

export const useManagerChanges = (reportId: ReportId) =>
  useQuery({ queryKey: radarKeys.managers(reportId), queryFn: () => call(commands.listManagerChanges(reportId)) });
export const useAddManagerChange = (reportId: ReportId) =>
  useWrite((draft: ManagerChangeDraft) => call(commands.addManagerChange(reportId, draft)));
export const useUpdateManagerChange = () =>
  useWrite((a: { id: ManagerChangeId; expectedVersion: number; draft: ManagerChangeDraft }) =>
    call(commands.updateManagerChange(a.id, a.expectedVersion, a.draft)),
  );

// ---- The radar ----

/** `asOf` is YYYY-MM-DD, or "" for today. */
export const useReportRadar = (reportId: ReportId, asOf = "") =>
  useQuery({
    queryKey: radarKeys.reportRadar(reportId, asOf),
    queryFn: () => call(commands.reportRadar(reportId, asOf)),
    placeholderData: keepPreviousData,
  });
export const useCycleDashboard = (cycleId: CycleId, asOf = "") =>
  useQuery({
    queryKey: radarKeys.dashboard(cycleId, asOf),
    queryFn: () => call(commands.cycleDashboard(cycleId, asOf)),
    placeholderData: keepPreviousData,
  });
export const useAcknowledge = (reportId: ReportId) => useWrite((draft: AckDraft) => call(commands.acknowledgeSignal(reportId, draft)));
/** Takes back an acknowledgement or snooze: the signal is open again. */
export const useUndoAck = (reportId: ReportId) => useWrite((id: AckId) => call(commands.undoSignalAck(reportId, id)));
export const useSignalAcks = (reportId: ReportId) =>
  useQuery({ queryKey: radarKeys.acks(reportId), queryFn: () => call(commands.listSignalAcks(reportId)) });

export const useThresholds = () => useQuery({ queryKey: radarKeys.thresholds, queryFn: () => call(commands.getThresholds()) });
export const useSetThresholds = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (t: Thresholds) => call(commands.setThresholds(t)),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: radarKeys.thresholds });
      refreshRadar(client);
    },
  });
};
