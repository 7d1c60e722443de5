// Query/cache hooks for 1:1s (meetings, notes, agenda, action items), the prep view and the
// question bank. A report's 1:1s and prep are cached under ["record", reportId, …] so that any
// write about that report (evidence, feedback, a deletion) refreshes them too.
//
// Every 1:1 write answers with the report's whole OneOnOnes: it goes straight into the cache
// (no refetch), and what depends on 1:1s is refreshed: the prep, the radar (1:1s lapsed), search.
import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";

import { useEffect } from "react";

import { commands } from "../bindings";
import type {
  ActionItemDraft,
  ActionItemId,
  AgendaItemDraft,
  AgendaItemId,
  AgendaStatus,
  EvidenceDraft,
  FeedbackDraft,
  MeetingDraft,
  MeetingId,
  MentorshipId,
  NoteDraft,
  NoteId,
  OneOnOnes,
  QuestionDraft,
  QuestionId,
  ReportId,
  SourceRef,
} from "../bindings";
import { call } from "./ipc";
import { refreshRadar } from "./radar";
import { refreshReport } from "./record";

export const oneOnOneKeys = {
  oneOnOnes: (reportId: ReportId) => ["record", reportId, "oneOnOnes"] as const,
  prep: (reportId: ReportId) => ["record", reportId, "prep"] as const,
  origins: (reportId: ReportId) => ["record", reportId, "origins"] as const,
  questions: ["questions"] as const,
  questionList: (includeRetired: boolean) => ["questions", includeRetired] as const,
  triggers: ["questionTriggers"] as const,
};

// ---- Reads ----

function oneOnOnesQuery(reportId: ReportId) {
  return { queryKey: oneOnOneKeys.oneOnOnes(reportId), queryFn: () => call(commands.listOneOnOnes(reportId)) };
}

export function useOneOnOnes(reportId: ReportId, enabled = true) {
  return useQuery({ ...oneOnOnesQuery(reportId), enabled });
}

/**
 * Loads a report's 1:1s once their page is on screen, so that the 1:1s tab (the one most opened
 * after the overview) shows at once. Nothing is loaded twice while the data is fresh.
 */
export function usePrefetchOneOnOnes(reportId: ReportId) {
  const client = useQueryClient();
  useEffect(() => {
    void client.prefetchQuery(oneOnOnesQuery(reportId));
  }, [client, reportId]);
}

export function usePrep(reportId: ReportId) {
  return useQuery({ queryKey: oneOnOneKeys.prep(reportId), queryFn: () => call(commands.getPrep(reportId)) });
}

/** Evidence and feedback made from this report's 1:1s, and where each came from. */
export function useOneOnOneOrigins(reportId: ReportId) {
  return useQuery({
    queryKey: oneOnOneKeys.origins(reportId),
    queryFn: () => call(commands.listOneOnOneOrigins(reportId)),
  });
}

// ---- 1:1 writes ----

function useOneOnOneWrite<A>(reportId: ReportId, write: (a: A) => Promise<OneOnOnes>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: (ones) => {
      client.setQueryData(oneOnOneKeys.oneOnOnes(reportId), ones);
      void client.invalidateQueries({ queryKey: oneOnOneKeys.prep(reportId) });
      refreshRadar(client);
    },
  });
}

export function useCreateMeeting(reportId: ReportId) {
  return useOneOnOneWrite(reportId, (draft: MeetingDraft) => call(commands.createMeeting(reportId, draft)));
}

export function useUpdateMeeting(reportId: ReportId) {
  return useOneOnOneWrite(reportId, (a: { id: MeetingId; expectedVersion: number; draft: MeetingDraft }) =>
    call(commands.updateMeeting(a.id, a.expectedVersion, a.draft)),
  );
}

export function useAddNote(reportId: ReportId) {
  return useOneOnOneWrite(reportId, (a: { meetingId: MeetingId; draft: NoteDraft }) => call(commands.addNote(a.meetingId, a.draft)));
}

export function useUpdateNote(reportId: ReportId) {
  return useOneOnOneWrite(reportId, (a: { id: NoteId; expectedVersion: number; draft: NoteDraft }) =>
    call(commands.updateNote(a.id, a.expectedVersion, a.draft)),
  );
}

/** `meetingId` null: for the next 1:1. */
export function useAddAgendaItem(reportId: ReportId) {
  return useOneOnOneWrite(reportId, (a: { meetingId: MeetingId | null; draft: AgendaItemDraft }) =>
    call(commands.addAgendaItem(reportId, a.meetingId, a.draft)),
  );
}

export function useUpdateAgendaItem(reportId: ReportId) {
  return useOneOnOneWrite(reportId, (a: { id: AgendaItemId; expectedVersion: number; draft: AgendaItemDraft }) =>
    call(commands.updateAgendaItem(a.id, a.expectedVersion, a.draft)),
  );
}

/** Done or dropped in `meetingId` (null: outside a 1:1), or open again. */
export function useSetAgendaStatus(reportId: ReportId) {
  return useOneOnOneWrite(
    reportId,
    (a: { id: AgendaItemId; expectedVersion: number; status: AgendaStatus; meetingId: MeetingId | null }) =>
      call(commands.setAgendaStatus(a.id, a.expectedVersion, a.status, a.meetingId)),
  );
}

export function useAddActionItem(reportId: ReportId) {
  return useOneOnOneWrite(reportId, (a: { meetingId: MeetingId | null; draft: ActionItemDraft }) =>
    call(commands.addActionItem(reportId, a.meetingId, a.draft)),
  );
}

export function useUpdateActionItem(reportId: ReportId) {
  return useOneOnOneWrite(reportId, (a: { id: ActionItemId; expectedVersion: number; draft: ActionItemDraft }) =>
    call(commands.updateActionItem(a.id, a.expectedVersion, a.draft)),
  );
}

// ---- Evidence and feedback made from 1:1 content ----

/** The new record shows in its tab, as a link on its source, and in the radar. */
function refreshAfterDerive(client: QueryClient, reportId: ReportId) {
  refreshReport(client, reportId);
  refreshRadar(client);
}

export function useEvidenceFromOneOnOne(reportId: ReportId) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (a: { source: SourceRef; draft: EvidenceDraft }) => call(commands.evidenceFromOneOnOne(a.source, a.draft)),
    onSuccess: () => refreshAfterDerive(client, reportId),
  });
}

export function useFeedbackFromOneOnOne(reportId: ReportId) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (a: { source: SourceRef; mentorshipId: MentorshipId; draft: FeedbackDraft }) =>
      call(commands.feedbackFromOneOnOne(a.source, a.mentorshipId, a.draft)),
    onSuccess: () => refreshAfterDerive(client, reportId),
  });
}

// ---- The question bank ----

export function useQuestions(includeRetired: boolean) {
  return useQuery({
    queryKey: oneOnOneKeys.questionList(includeRetired),
    queryFn: () => call(commands.listQuestions(includeRetired)),
    placeholderData: keepPreviousData,
  });
}

/** Every trigger a question can have, with its words (a plain list: this command cannot fail). */
export function useQuestionTriggers() {
  return useQuery({ queryKey: oneOnOneKeys.triggers, queryFn: () => commands.listQuestionTriggers(), staleTime: Infinity });
}

/** After a question bank write: the bank, and every report's prep (its suggested questions). */
function useQuestionWrite<A, R>(write: (a: A) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: oneOnOneKeys.questions });
      void client.invalidateQueries({ predicate: (q) => q.queryKey[0] === "record" && q.queryKey[2] === "prep" });
    },
  });
}

export function useCreateQuestion() {
  return useQuestionWrite((draft: QuestionDraft) => call(commands.createQuestion(draft)));
}

export function useUpdateQuestion() {
  return useQuestionWrite((a: { id: QuestionId; expectedVersion: number; draft: QuestionDraft }) =>
    call(commands.updateQuestion(a.id, a.expectedVersion, a.draft)),
  );
}
