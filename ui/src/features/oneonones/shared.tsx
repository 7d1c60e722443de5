// Small pieces shared by the 1:1s tab and the prep view: words for owners and outcomes, the
// badges of agenda items, action items' due dates, and links to what was made from an item.
import { Anchor, Badge, Group, Text } from "@mantine/core";
import { IconAlertTriangle, IconLink, IconLock, IconUsers } from "@tabler/icons-react";
import { Link } from "wouter";

import type { ActionItem, ActionItemDraft, ActionOwner, AgendaOutcome, DerivedLink, ReportId } from "../../bindings";
import { plainText } from "../../components/markdown/plain";
import { formatDate, todayIso } from "../../lib/dates";
import { focusRecord } from "../../lib/focus";
import { recordTarget } from "../search/recordTarget";
import { isOverdue } from "./dates";

export const OWNERS: { value: ActionOwner; label: string }[] = [
  { value: "manager", label: "Me" },
  { value: "report", label: "Them" },
];

export function ownerLabel(o: ActionOwner): string {
  return o === "manager" ? "Me" : "Them";
}

const OUTCOMES: Record<AgendaOutcome, { label: string; color: string; variant: string }> = {
  done: { label: "Done", color: "teal", variant: "filled" },
  dropped: { label: "Dropped", color: "gray", variant: "filled" },
  carried_over: { label: "Carried over", color: "yellow", variant: "light" },
  open: { label: "Open", color: "blue", variant: "light" },
};

export function OutcomeBadge({ outcome }: { outcome: AgendaOutcome }) {
  const o = OUTCOMES[outcome];
  return (
    <Badge size="sm" color={o.color} variant={o.variant} autoContrast data-testid="outcome">
      {o.label}
    </Badge>
  );
}

/** How many 1:1s an open item has already been on; nothing for a new one. */
export function CarriedBadge({ carried }: { carried: number }) {
  if (carried <= 0) return null;
  return (
    <Badge size="sm" color="orange" variant="light" data-testid="carried" title={`On ${carried} earlier ${carried === 1 ? "1:1" : "1:1s"} already`}>
      carried ×{carried}
    </Badge>
  );
}

/** Shared with the report (their agenda too), or private to the manager. */
export function SharedBadge({ shared }: { shared: boolean }) {
  return shared ? (
    <Badge size="sm" color="blue" variant="outline" leftSection={<IconUsers size={11} aria-hidden />} data-testid="visibility">
      Shared
    </Badge>
  ) : (
    <Badge size="sm" color="gray" variant="outline" leftSection={<IconLock size={11} aria-hidden />} data-testid="visibility">
      Private
    </Badge>
  );
}

export function OwnerBadge({ owner }: { owner: ActionOwner }) {
  return (
    <Badge size="sm" variant="light" color={owner === "manager" ? "grape" : "cyan"} data-testid="owner" title={owner === "manager" ? "Yours to do" : "Theirs to do"}>
      {ownerLabel(owner)}
    </Badge>
  );
}

/** "Due 12 Nov 2026", in red with "overdue" once the date has passed (until done). */
export function DueText({ action, today = todayIso() }: { action: ActionItem; today?: string }) {
  if (action.doneOn) {
    return (
      <Text size="xs" c="dimmed" data-testid="done-on">
        Done {formatDate(action.doneOn)}
      </Text>
    );
  }
  if (!action.dueOn) {
    return (
      <Text size="xs" c="dimmed">
        No due date
      </Text>
    );
  }
  if (isOverdue(action.dueOn, today)) {
    return (
      <Group gap={4} wrap="nowrap" data-testid="overdue">
        <IconAlertTriangle size={14} color="var(--mantine-color-red-text)" aria-hidden />
        <Text size="xs" fw={700} c="var(--mantine-color-red-text)">
          Overdue: due {formatDate(action.dueOn)}
        </Text>
      </Group>
    );
  }
  return (
    <Text size="xs" c="dimmed" data-testid="due-on">
      Due {formatDate(action.dueOn)}
    </Text>
  );
}

/** Evidence or feedback made from this item: links that open it where it lives. */
export function DerivedLinks({ links, reportId }: { links: DerivedLink[]; reportId: ReportId }) {
  if (links.length === 0) return null;
  return (
    <Group gap="sm" data-testid="derived-links">
      {links.map((l) => {
        const target = recordTarget({ kind: l.kind, recordId: l.id, reportId });
        return (
          <Anchor
            key={`${l.kind}-${l.id}`}
            component={Link}
            href={target.path}
            onClick={() => focusRecord(target.focusId)}
            size="xs"
            style={{ display: "inline-flex", alignItems: "center", gap: 4 }}
          >
            <IconLink size={12} aria-hidden />
            {l.kind === "evidence" ? "Evidence" : "Feedback"}: {l.title}
          </Anchor>
        );
      })}
    </Group>
  );
}

/**
 * A piece of text (its words, without Markdown's markers) cut to `max` characters, for names of
 * controls ("Delete the note “…”").
 */
export function excerpt(text: string, max = 50): string {
  const one = plainText(text).trim().replace(/\s+/g, " ");
  return one.length > max ? `${one.slice(0, max - 1).trimEnd()}…` : one;
}

/** The first line of a text (its words), at most 120 characters: a title for evidence made from it. */
export function titleFrom(text: string): string {
  const first = plainText(text.trim()).split("\n")[0]?.trim() ?? "";
  return first.length > 120 ? `${first.slice(0, 119).trimEnd()}…` : first;
}

/** The draft that stores `a` unchanged, apart from `changes`. */
export function actionDraft(a: ActionItem, changes: Partial<ActionItemDraft> = {}): ActionItemDraft {
  return { text: a.text, owner: a.owner, dueOn: a.dueOn ?? "", doneOn: a.doneOn ?? "", ...changes };
}

/** "Ada" from "Ada Lovelace". */
export function firstName(name: string): string {
  return name.split(" ")[0] || name;
}
