// "From the 1:1 on 19 Nov 2026": on evidence and feedback made from 1:1 content, a link back to
// the 1:1 it came from.
import { Anchor } from "@mantine/core";
import { IconMessages } from "@tabler/icons-react";
import { Link } from "wouter";

import type { RecordKind, ReportId } from "../../bindings";
import { useOneOnOneOrigins } from "../../api/oneOnOnes";
import { formatDate } from "../../lib/dates";
import { focusRecord } from "../../lib/focus";

const SOURCES = { note: "a 1:1 note", agenda_item: "a 1:1 agenda item", action_item: "a 1:1 action item" } as const;

export function FromOneOnOne({ reportId, kind, id }: { reportId: ReportId; kind: RecordKind; id: string }) {
  const origins = useOneOnOneOrigins(reportId);
  const found = origins.data?.find((o) => o.targetKind === kind && o.targetId === id)?.origin;
  if (!found) return null;
  return (
    <Anchor
      component={Link}
      href={`/reports/${reportId}/one-on-ones`}
      onClick={() => focusRecord(found.source === "note" ? (found.meetingId ?? found.sourceId) : found.sourceId)}
      size="sm"
      data-testid="from-one-on-one"
      style={{ display: "inline-flex", alignItems: "center", gap: 4 }}
    >
      <IconMessages size={14} aria-hidden />
      {found.heldOn ? `From the 1:1 on ${formatDate(found.heldOn)}` : `From ${SOURCES[found.source]}`}
    </Anchor>
  );
}
