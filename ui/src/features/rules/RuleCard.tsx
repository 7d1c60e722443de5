// One rule of thumb in the register: the wording, confirmed or hearsay, who said it, when and
// where, whom it applies to and its machine check. A retired rule is shown greyed.
import { Badge, Card, Group, Stack, Text } from "@mantine/core";
import { IconPencil } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { useId } from "react";

import type { LadderLevel, RuleOfThumb } from "../../bindings";
import { refreshRadar } from "../../api/radar";
import { DeleteButton } from "../../components/DeleteButton";
import { formatDate } from "../../lib/dates";
import { targetStyle, useFocusTarget } from "../../lib/focus";
import { archetypeLabel, labelOf } from "../../lib/labels";
import { describeCheck } from "../../lib/checks";
import { RULE_SOURCES } from "./draft";
import { IconButton } from "../../components/IconButton";

type Props = { rule: RuleOfThumb; ladder: LadderLevel[]; editable: boolean; onEdit: () => void };

export function RuleCard({ rule: r, ladder, editable, onEdit }: Props) {
  const { ref, isTarget } = useFocusTarget<HTMLDivElement>(r.id);
  const client = useQueryClient();
  const titleId = useId();
  const levels = r.levels.map((id) => ladder.find((l) => l.id === id)?.name ?? "a removed level");
  const short = r.wording.length > 60 ? `${r.wording.slice(0, 57)}…` : r.wording;
  return (
    <Card
      withBorder
      component="article"
      aria-labelledby={titleId}
      ref={ref}
      id={`record-${r.id}`}
      tabIndex={-1}
      data-testid="rule-card"
      data-retired={r.retired || undefined}
      style={{ ...targetStyle(isTarget), opacity: r.retired ? 0.6 : 1 }}
      bg={r.retired ? "var(--mantine-color-default-hover)" : undefined}
    >
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Text fw={600} id={titleId} c={r.retired ? "dimmed" : undefined} td={r.retired ? "line-through" : undefined}>
            “{r.wording}”
          </Text>
          {editable && (
            <Group gap={4} wrap="nowrap" className="no-print">
              <IconButton label={`Edit the rule “${short}”`} onClick={onEdit}>
                <IconPencil size={18} />
              </IconButton>
              <DeleteButton kind="rule" id={r.id} label={`the rule “${short}”`} onDeleted={() => refreshRadar(client)} />
            </Group>
          )}
        </Group>
        <Group gap="xs">
          {r.confirmed ? (
            <Badge color="teal" variant="filled" data-testid="standing">
              Confirmed
            </Badge>
          ) : (
            <Badge color="yellow" variant="light" data-testid="standing">
              Hearsay
            </Badge>
          )}
          {r.retired && (
            <Badge color="gray" variant="outline">
              Retired
            </Badge>
          )}
          {r.check ? (
            <Badge color="indigo" variant="light">
              Machine check
            </Badge>
          ) : (
            <Badge color="gray" variant="light">
              Judged by you
            </Badge>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          {r.saidBy ? `Said by ${r.saidBy.name}` : "Said"} on {formatDate(r.saidOn)} · {labelOf(RULE_SOURCES, r.source)}
          {r.sourceDetail && `: ${r.sourceDetail}`}
        </Text>
        <Text size="sm">
          Applies to {levels.length ? levels.join(", ") : "every level"} ·{" "}
          {r.archetypes.length ? r.archetypes.map(archetypeLabel).join(", ") : "every archetype"}
        </Text>
        <Text size="sm" data-testid="rule-check">
          {r.check ? `Check: ${describeCheck(r.check)}.` : "No machine check: mark it met or unmet on each candidate's checklist."}
        </Text>
      </Stack>
    </Card>
  );
}
