// Query/cache hooks for the staff record (people, mandates, evidence and visibility,
// advocates, mentorship, timeline, search). Everything about one report is cached under
// ["record", reportId, …] so that any write about that report refreshes all of it.
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";

import { commands } from "../bindings";
import type {
  AdvocateDraft,
  AdvocateId,
  EvidenceDraft,
  EvidenceId,
  FeedbackDraft,
  FeedbackId,
  MandateClosing,
  MandateDraft,
  MandateId,
  MandateReviewDraft,
  MentorshipDraft,
  MentorshipId,
  PersonDraft,
  PersonId,
  ReportId,
  TimelineKind,
  VisibilityDraft,
  VisibilityId,
} from "../bindings";
import { call } from "./ipc";
import { refreshRadar } from "./radar";

export const recordKeys = {
  all: ["record"] as const,
  report: (id: ReportId) => ["record", id] as const,
  mandates: (id: ReportId) => ["record", id, "mandates"] as const,
  evidence: (id: ReportId) => ["record", id, "evidence"] as const,
  gaps: (id: ReportId) => ["record", id, "gaps"] as const,
  advocates: (id: ReportId) => ["record", id, "advocates"] as const,
  mentorships: (id: ReportId) => ["record", id, "mentorships"] as const,
  timeline: (id: ReportId, kinds: TimelineKind[]) => ["record", id, "timeline", kinds] as const,
  people: ["people"] as const,
  search: (q: string) => ["search", q] as const,
};

/** After a write about one report: everything cached about it, and search. */
export function refreshReport(client: QueryClient, reportId: ReportId) {
  void client.invalidateQueries({ queryKey: recordKeys.report(reportId) });
  void client.invalidateQueries({ queryKey: ["search"] });
}

/** After a write that can show up anywhere (a person's name, a deletion). */
export function refreshEverything(client: QueryClient) {
  refreshRadar(client);
  void client.invalidateQueries({ queryKey: recordKeys.all });
  void client.invalidateQueries({ queryKey: recordKeys.people });
  void client.invalidateQueries({ queryKey: ["search"] });
  void client.invalidateQueries({ queryKey: ["reports"] });
  void client.invalidateQueries({ queryKey: ["report"] });
}

function useReportWrite<A, R>(reportId: ReportId, write: (a: A) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: write, onSuccess: () => refreshReport(client, reportId) });
}

// ---- People ----

export function usePeople() {
  return useQuery({ queryKey: recordKeys.people, queryFn: () => call(commands.listPeople()) });
}

export function useCreatePerson() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (draft: PersonDraft) => call(commands.createPerson(draft)),
    onSuccess: () => void client.invalidateQueries({ queryKey: recordKeys.people }),
  });
}

export function useUpdatePerson() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (a: { id: PersonId; expectedVersion: number; draft: PersonDraft }) =>
      call(commands.updatePerson(a.id, a.expectedVersion, a.draft)),
    onSuccess: () => refreshEverything(client),
  });
}

// ---- Mandates ----

/** A report's mandates: for `useQuery`, or `useQueries` over several reports. */
export const mandatesQuery = (reportId: ReportId) =>
  queryOptions({ queryKey: recordKeys.mandates(reportId), queryFn: () => call(commands.listMandates(reportId)) });

export function useMandates(reportId: ReportId) {
  return useQuery(mandatesQuery(reportId));
}

export function useSetMandate(reportId: ReportId) {
  return useReportWrite(reportId, (a: { draft: MandateDraft; closing: MandateClosing | null }) =>
    call(commands.setMandate(reportId, a.draft, a.closing)),
  );
}

export function useUpdateMandate(reportId: ReportId) {
  return useReportWrite(reportId, (a: { id: MandateId; expectedVersion: number; draft: MandateDraft }) =>
    call(commands.updateMandate(a.id, a.expectedVersion, a.draft)),
  );
}

export function useCloseMandate(reportId: ReportId) {
  return useReportWrite(reportId, (a: { id: MandateId; expectedVersion: number; closing: MandateClosing }) =>
    call(commands.closeMandate(a.id, a.expectedVersion, a.closing)),
  );
}

export function useReviewMandate(reportId: ReportId) {
  return useReportWrite(reportId, (a: { id: MandateId; expectedVersion: number; review: MandateReviewDraft }) =>
    call(commands.reviewMandate(a.id, a.expectedVersion, a.review)),
  );
}

// ---- Evidence and visibility ----

/** A report's evidence: for `useQuery`, or `useQueries` over several reports. */
export const evidenceQuery = (reportId: ReportId) =>
  queryOptions({ queryKey: recordKeys.evidence(reportId), queryFn: () => call(commands.listEvidence(reportId)) });

export function useEvidence(reportId: ReportId) {
  return useQuery(evidenceQuery(reportId));
}

export function useVisibilityGaps(reportId: ReportId) {
  return useQuery({ queryKey: recordKeys.gaps(reportId), queryFn: () => call(commands.visibilityGaps(reportId)) });
}

export function useCreateEvidence(reportId: ReportId) {
  return useReportWrite(reportId, (draft: EvidenceDraft) => call(commands.createEvidence(reportId, draft)));
}

export function useUpdateEvidence(reportId: ReportId) {
  return useReportWrite(reportId, (a: { id: EvidenceId; expectedVersion: number; draft: EvidenceDraft }) =>
    call(commands.updateEvidence(a.id, a.expectedVersion, a.draft)),
  );
}

export function useAddVisibility(reportId: ReportId) {
  return useReportWrite(reportId, (a: { evidenceId: EvidenceId; draft: VisibilityDraft }) =>
    call(commands.addVisibility(a.evidenceId, a.draft)),
  );
}

export function useUpdateVisibility(reportId: ReportId) {
  return useReportWrite(reportId, (a: { id: VisibilityId; expectedVersion: number; draft: VisibilityDraft }) =>
    call(commands.updateVisibility(a.id, a.expectedVersion, a.draft)),
  );
}

// ---- Advocates ----

export function useAdvocates(reportId: ReportId) {
  return useQuery({ queryKey: recordKeys.advocates(reportId), queryFn: () => call(commands.listAdvocates(reportId)) });
}

export function useCreateAdvocate(reportId: ReportId) {
  return useReportWrite(reportId, (draft: AdvocateDraft) => call(commands.createAdvocate(reportId, draft)));
}

export function useUpdateAdvocate(reportId: ReportId) {
  return useReportWrite(reportId, (a: { id: AdvocateId; expectedVersion: number; draft: AdvocateDraft }) =>
    call(commands.updateAdvocate(a.id, a.expectedVersion, a.draft)),
  );
}

// ---- Mentorship ----

export function useMentorships(reportId: ReportId) {
  return useQuery({
    queryKey: recordKeys.mentorships(reportId),
    queryFn: () => call(commands.listMentorships(reportId)),
  });
}

export function useCreateMentorship(reportId: ReportId) {
  return useReportWrite(reportId, (draft: MentorshipDraft) => call(commands.createMentorship(reportId, draft)));
}

export function useUpdateMentorship(reportId: ReportId) {
  return useReportWrite(reportId, (a: { id: MentorshipId; expectedVersion: number; draft: MentorshipDraft }) =>
    call(commands.updateMentorship(a.id, a.expectedVersion, a.draft)),
  );
}

export function useAddFeedback(reportId: ReportId) {
  return useReportWrite(reportId, (a: { mentorshipId: MentorshipId; draft: FeedbackDraft }) =>
    call(commands.addFeedback(a.mentorshipId, a.draft)),
  );
}

export function useUpdateFeedback(reportId: ReportId) {
  return useReportWrite(reportId, (a: { id: FeedbackId; expectedVersion: number; draft: FeedbackDraft }) =>
    call(commands.updateFeedback(a.id, a.expectedVersion, a.draft)),
  );
}

// ---- Timeline and search ----

export function useTimeline(reportId: ReportId, kinds: TimelineKind[]) {
  return useQuery({
    queryKey: recordKeys.timeline(reportId, kinds),
    queryFn: () => call(commands.reportTimeline(reportId, kinds)),
    placeholderData: keepPreviousData,
  });
}

/** Results for `query` (nothing is asked for an empty query). */
export function useSearch(query: string, limit = 50) {
  const q = query.trim();
  return useQuery({
    queryKey: recordKeys.search(q),
    queryFn: () => call(commands.search(q, limit)),
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}
