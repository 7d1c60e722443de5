// Where a record lives in the app: the page (and tab) that shows it, and the id of the card to
// bring into view there. Used by search results and by the timeline.
import type { RecordKind } from "../../bindings";

export type RecordRef = {
  kind: RecordKind;
  recordId: string;
  /** For a visibility entry, its evidence; for a feedback entry, its mentorship; for a note
   * or an action item, its 1:1; for a review or a packet version, its candidacy. */
  parentId?: string | null;
  reportId: string | null;
};

export type RecordTarget = { path: string; focusId: string };

export function recordTarget({ kind, recordId, parentId, reportId }: RecordRef): RecordTarget {
  const report = reportId ? `/reports/${reportId}` : null;
  switch (kind) {
    case "person":
      return { path: "/people", focusId: recordId };
    case "report":
      return { path: report ?? "/roster", focusId: recordId };
    case "mandate":
      return { path: report ?? "/roster", focusId: recordId };
    case "evidence":
      return { path: report ? `${report}/evidence` : "/roster", focusId: recordId };
    case "visibility":
      return { path: report ? `${report}/evidence` : "/roster", focusId: parentId ?? recordId };
    case "advocate":
      return { path: report ? `${report}/advocates` : "/roster", focusId: recordId };
    case "mentorship":
      return { path: report ? `${report}/mentorship` : "/roster", focusId: recordId };
    // Each feedback entry is a focus target of its own inside its mentorship's card.
    case "feedback":
      return { path: report ? `${report}/mentorship` : "/roster", focusId: recordId };
    case "manager_change":
      return { path: report ?? "/roster", focusId: recordId };
    case "cycle":
      return { path: `/cycles/${recordId}`, focusId: recordId };
    case "candidate":
      return { path: `/candidates/${recordId}`, focusId: recordId };
    // A review's parent is its candidacy; a packet version is shown on its candidacy's page.
    case "review":
      return { path: parentId ? `/candidates/${parentId}` : (report ?? "/roster"), focusId: recordId };
    case "packet_version":
      return { path: parentId ? `/candidates/${parentId}` : (report ?? "/roster"), focusId: recordId };
    case "rule":
      return { path: "/rules", focusId: recordId };
    case "ladder_change":
      return { path: "/ladder", focusId: recordId };
    // 1:1 content lives on the report's 1:1s tab; a note's parent is its meeting.
    case "meeting":
    case "agenda_item":
    case "action_item":
      return { path: report ? `${report}/one-on-ones` : "/roster", focusId: recordId };
    case "note":
      return { path: report ? `${report}/one-on-ones` : "/roster", focusId: parentId ?? recordId };
  }
}
