// The readiness call as it stands, and the form to change it.
import { Button, Card, Group, Stack, Text } from "@mantine/core";
import { IconPencil } from "@tabler/icons-react";
import { useState } from "react";

import type { Candidate } from "../../bindings";
import { formatDate } from "../../lib/dates";
import { ReadinessBadge } from "./DashboardTable";
import { ReadinessForm } from "./ReadinessForm";

export function ReadinessSection({ candidate: c, editable }: { candidate: Candidate; editable: boolean }) {
  const [editing, setEditing] = useState(false);
  if (editing) return <ReadinessForm key={c.version} candidate={c} onDone={() => setEditing(false)} />;
  return (
    <Card withBorder data-testid="readiness-call">
      <Stack gap="xs">
        <Group justify="space-between">
          <Group gap="xs">
            <Text fw={600}>The call:</Text>
            <ReadinessBadge readiness={c.readiness} />
          </Group>
          {editable && (
            <Button size="xs" variant="light" leftSection={<IconPencil size={14} aria-hidden />} onClick={() => setEditing(true)}>
              Change the readiness call
            </Button>
          )}
        </Group>
        {c.readiness === "undecided" && (
          <Text size="sm" c="dimmed">
            No call yet. Decide early: “not ready” with a reason, a cycle and actions is a plan, not a surprise.
          </Text>
        )}
        {c.readinessReason && <Labelled label="Reason">{c.readinessReason}</Labelled>}
        {c.readiness === "not_ready" && (
          <>
            <Labelled label="Expected cycle">{c.expectedCycle}</Labelled>
            <Labelled label="Actions">{c.actions}</Labelled>
          </>
        )}
        <Text size="xs" c="dimmed">
          Candidate since {formatDate(c.addedOn)} · last changed {formatDate(c.updatedAt)}
        </Text>
      </Stack>
    </Card>
  );
}

function Labelled({ label, children }: { label: string; children: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm" className="pre-wrap">
        {children}
      </Text>
    </div>
  );
}
