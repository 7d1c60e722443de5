import { Badge, Card, Group, Stack, Text } from "@mantine/core";
import { IconPencil } from "@tabler/icons-react";

import type { Advocate, SupportStrength } from "../../bindings";
import { DeleteButton } from "../../components/DeleteButton";
import { ago, formatDate } from "../../lib/dates";
import { targetStyle, useFocusTarget } from "../../lib/focus";
import { STRENGTHS, labelOf } from "../../lib/labels";
import { checkFlag } from "./summary";
import { IconButton } from "../../components/IconButton";

const STRENGTH_COLORS: Record<SupportStrength, string> = { strong: "teal", moderate: "blue", weak: "orange", unknown: "gray" };

export function StrengthBadge({ strength }: { strength: SupportStrength }) {
  return (
    <Badge color={STRENGTH_COLORS[strength]} variant={strength === "strong" ? "filled" : "light"} data-testid="strength">
      {strength === "unknown" ? "Support unknown" : `${labelOf(STRENGTHS, strength)} support`}
    </Badge>
  );
}

type Props = { advocate: Advocate; editable: boolean; onEdit: () => void };

export function AdvocateCard({ advocate: a, editable, onEdit }: Props) {
  const { ref, isTarget } = useFocusTarget<HTMLDivElement>(a.id);
  const flag = checkFlag(a.lastChecked);
  return (
    <Card withBorder ref={ref} id={`record-${a.id}`} tabIndex={-1} data-testid="advocate-card" style={targetStyle(isTarget)}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Group gap="xs">
            <Text fw={600}>{a.person.name}</Text>
            {a.person.title && (
              <Text size="sm" c="dimmed">
                {a.person.title}
              </Text>
            )}
            <StrengthBadge strength={a.strength} />
          </Group>
          {editable && (
            <Group gap={4} wrap="nowrap" className="no-print">
              <IconButton label={`Edit advocate ${a.person.name}`} onClick={onEdit}>
                <IconPencil size={18} />
              </IconButton>
              <DeleteButton kind="advocate" id={a.id} label={`the advocate ${a.person.name}`} />
            </Group>
          )}
        </Group>
        <div>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            What they have seen
          </Text>
          {a.whatSeen ? (
            <Text size="sm" className="pre-wrap">
              {a.whatSeen}
            </Text>
          ) : (
            <Text size="sm" c="dimmed" fs="italic">
              Not recorded: what did they see first-hand?
            </Text>
          )}
        </div>
        <Group gap="xs">
          <Text size="sm" c="dimmed" data-testid="supporting-since">
            {a.supportingSince ? `Supporting since ${formatDate(a.supportingSince)} (${ago(a.supportingSince)})` : "Supporting since: not known"}
          </Text>
          <Text size="sm" c="dimmed" aria-hidden>
            ·
          </Text>
          <Text size="sm" c="dimmed" data-testid="last-checked">
            {a.lastChecked ? `Support last checked ${formatDate(a.lastChecked)} (${ago(a.lastChecked)})` : "Support never checked"}
          </Text>
          {flag && (
            <Badge color="orange" variant="light" data-testid="check-flag">
              {flag}
            </Badge>
          )}
        </Group>
        {a.notes && (
          <Text size="sm" className="pre-wrap">
            {a.notes}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
