// One review round: reviewer and role, the version read, when asked and received, the comments
// and the rule of thumb they revealed.
import { Badge, Card, Group, Stack, Text } from "@mantine/core";
import { IconBulb, IconPencil } from "@tabler/icons-react";

import type { PacketReview, RuleOfThumb } from "../../bindings";
import { DeleteButton } from "../../components/DeleteButton";
import { formatDate } from "../../lib/dates";
import { targetStyle, useFocusTarget } from "../../lib/focus";
import { roleLabel } from "./format";
import { IconButton } from "../../components/IconButton";

type Props = { review: PacketReview; rules: RuleOfThumb[]; editable: boolean; onEdit: () => void };

export function ReviewCard({ review: r, rules, editable, onEdit }: Props) {
  const { ref, isTarget } = useFocusTarget<HTMLDivElement>(r.id);
  const rule = r.revealedRuleId ? rules.find((x) => x.id === r.revealedRuleId) : undefined;
  const name = `${roleLabel(r.reviewerRole).toLowerCase()} review by ${r.reviewer.name}`;
  return (
    <Card
      withBorder
      ref={ref}
      id={`record-${r.id}`}
      tabIndex={-1}
      component="article"
      aria-label={`Review by ${r.reviewer.name}`}
      data-testid="review-card"
      style={targetStyle(isTarget)}
    >
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Group gap="xs">
            <Text fw={600}>{r.reviewer.name}</Text>
            <Badge variant="light">{roleLabel(r.reviewerRole)}</Badge>
            {r.receivedOn ? (
              <Badge color="teal" variant="light">
                Received {formatDate(r.receivedOn)}
              </Badge>
            ) : (
              <Badge color="yellow" variant="light">
                Awaited
              </Badge>
            )}
          </Group>
          {editable && (
            <Group gap={4} wrap="nowrap" className="no-print">
              <IconButton label={`Edit the ${name}`} onClick={onEdit}>
                <IconPencil size={18} />
              </IconButton>
              <DeleteButton kind="review" id={r.id} label={`the ${name}`} />
            </Group>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          {r.versionNumber === null ? "No particular version" : `Version ${r.versionNumber}`} · requested {formatDate(r.requestedOn)}
        </Text>
        {r.comments ? (
          <Text size="sm" className="pre-wrap">
            {r.comments}
          </Text>
        ) : (
          <Text size="sm" c="dimmed" fs="italic">
            {r.receivedOn ? "No comments recorded." : "Waiting for their comments."}
          </Text>
        )}
        {r.revealedRuleId && (
          <Group gap={6} wrap="nowrap" data-testid="revealed-rule">
            <IconBulb size={16} aria-hidden color="var(--mantine-color-yellow-7)" />
            <Text size="sm">Revealed a rule of thumb: “{rule?.wording ?? "a rule no longer in the register"}”</Text>
          </Group>
        )}
      </Stack>
    </Card>
  );
}
