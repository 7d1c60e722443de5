// "Since the last 1:1": what changed in the record, one compact line each: evidence, mentee
// feedback, who saw the work, packet review comments, radar signals that appeared or cleared.
import { Badge, Group, Stack, Text, ThemeIcon } from "@mantine/core";
import { IconCircleCheck, IconEye, IconFileText, IconMessageHeart, IconTrophy } from "@tabler/icons-react";
import type { ReactNode } from "react";

import type { PrepChanges } from "../../bindings";
import { formatDate } from "../../lib/dates";
import { CHANNELS, labelOf } from "../../lib/labels";
import { roleLabel } from "../cycles/format";
import { SentimentBadge } from "../mentorship/shared";
import { RULE_LABELS, severityColor } from "../radar/signals";
import { excerpt } from "../oneonones/shared";

export function changeCount(c: PrepChanges): number {
  return (
    c.evidence.length + c.feedback.length + c.visibility.length + c.reviewComments.length + c.signalsAppeared.length + c.signalsCleared.length
  );
}

export function ChangesList({ changes: c }: { changes: PrepChanges }) {
  return (
    <Stack component="ul" gap={6} p={0} m={0} aria-label="Changes since the last 1:1">
      {c.evidence.map((e) => (
        <Line key={`e-${e.evidenceId}`} kind="evidence" icon={<IconTrophy size={14} />} color="teal" label="Evidence" on={e.on}>
          {e.title}
          {e.what.length > 0 && (
            <Text span c="dimmed" inherit>
              {" "}
              — {e.what.join(", ")}
            </Text>
          )}
        </Line>
      ))}
      {c.feedback.map((f) => (
        <Line
          key={`f-${f.feedbackId}`}
          kind="feedback"
          icon={<IconMessageHeart size={14} />}
          color="pink"
          label={f.addressedOn ? `Addressed feedback from ${f.from}` : `Feedback from ${f.from}`}
          on={f.addressedOn ?? f.receivedOn}
        >
          <SentimentBadge sentiment={f.sentiment} /> “{excerpt(f.words, 140)}”
        </Line>
      ))}
      {c.visibility.map((v) => (
        <Line key={`v-${v.visibilityId}`} kind="visibility" icon={<IconEye size={14} />} color="blue" label={`Seen by ${v.person}`} on={v.seenOn}>
          {v.evidenceTitle}
          <Text span c="dimmed" inherit>
            {" "}
            ({labelOf(CHANNELS, v.channel)})
          </Text>
        </Line>
      ))}
      {c.reviewComments.map((r) => (
        <Line
          key={`r-${r.reviewId}`}
          kind="review"
          icon={<IconFileText size={14} />}
          color="indigo"
          label={`Packet review by ${r.reviewer} (${roleLabel(r.role)})`}
          on={r.receivedOn}
        >
          {r.comments ? `“${excerpt(r.comments, 160)}”` : <Text span c="dimmed" inherit>No comments written down.</Text>}
        </Line>
      ))}
      {c.signalsAppeared.map((s) => (
        <Line
          key={`s-${s.causeKey}`}
          kind="signal-appeared"
          icon={
            <Badge size="xs" color={severityColor(s.severity)} variant="filled" w={58} data-testid="severity">
              {s.severity}
            </Badge>
          }
          label={`New signal: ${RULE_LABELS[s.rule]}`}
          on={s.since}
          data-severity={s.severity}
        >
          {s.message}
        </Line>
      ))}
      {c.signalsCleared.map((s) => (
        <Line key={`c-${s.causeKey}`} kind="signal-cleared" icon={<IconCircleCheck size={14} />} color="green" label={`Cleared: ${RULE_LABELS[s.rule]}`}>
          <Text span c="dimmed" inherit>
            {s.message}
          </Text>
        </Line>
      ))}
    </Stack>
  );
}

type LineProps = {
  kind: string;
  /** An icon (shown in a small coloured circle), or a badge as it is. */
  icon: ReactNode;
  color?: string;
  label: string;
  on?: string;
  children: ReactNode;
  "data-severity"?: string;
};

function Line({ kind, icon, color, label, on, children, ...rest }: LineProps) {
  return (
    <Group component="li" wrap="nowrap" align="flex-start" gap="sm" style={{ listStyle: "none" }} data-change={kind} {...rest}>
      <div style={{ flex: "0 0 58px", display: "flex", justifyContent: "center", paddingTop: 2 }}>
        {color ? (
          <ThemeIcon size={20} radius="xl" variant="light" color={color} aria-hidden>
            {icon}
          </ThemeIcon>
        ) : (
          icon
        )}
      </div>
      <Text size="sm" component="div" style={{ flex: 1, minWidth: 0 }}>
        <Text span fw={600} inherit>
          {label}:
        </Text>{" "}
        {children}
      </Text>
      {on && (
        <Text size="xs" c="dimmed" style={{ flexShrink: 0 }} mt={2}>
          {formatDate(on)}
        </Text>
      )}
    </Group>
  );
}
