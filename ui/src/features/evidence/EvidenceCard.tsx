// One evidence item: what, when, their role, who shared it, the impact in numbers, links, and
// who has seen it. Search and the timeline bring it into view through useFocusTarget.
import { Badge, Card, Divider, Group, Stack, Text, Title } from "@mantine/core";
import { IconAlertTriangle, IconPencil } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { useId, useState, type ReactNode } from "react";

import type { Evidence, EvidenceRole, Report, WorkMix } from "../../bindings";
import { recordKeys, useUpdateEvidence } from "../../api/record";
import { DeleteButton } from "../../components/DeleteButton";
import { Markdown } from "../../components/Markdown";
import { formatDate, timeSince } from "../../lib/dates";
import { useFocusTarget } from "../../lib/focus";
import { EVIDENCE_KINDS, EVIDENCE_ROLES, WORK_MIXES, archetypeLabel, labelOf } from "../../lib/labels";
import { FromOneOnOne } from "../oneonones/FromOneOnOne";
import { evidenceDraft, formFromEvidence } from "./draft";
import { EvidenceForm } from "./EvidenceForm";
import { FlagshipBadge } from "./Flagship";
import { LinkList } from "./LinkList";
import { VisibilityList } from "./VisibilityList";
import { IconButton } from "../../components/IconButton";

const HIGHLIGHT = {
  outline: "3px solid var(--mantine-color-yellow-5)",
  outlineOffset: 2,
  background: "var(--mantine-color-yellow-light)",
};

type Props = { report: Report; evidence: Evidence; readOnly: boolean };

export function EvidenceCard({ report, evidence, readOnly }: Props) {
  const { ref, isTarget } = useFocusTarget<HTMLElement>(evidence.id);
  const titleId = useId();
  const [editing, setEditing] = useState(false);
  const update = useUpdateEvidence(report.id);
  const client = useQueryClient();
  const stopEditing = () => {
    setEditing(false);
    // Back to the card, so keyboard users stay where they were.
    window.setTimeout(() => ref.current?.focus());
  };

  return (
    <Card
      component="article"
      className="lazy-card"
      ref={ref}
      id={`record-${evidence.id}`}
      tabIndex={-1}
      data-testid="evidence-card"
      data-highlighted={isTarget || undefined}
      aria-labelledby={titleId}
      withBorder
      style={isTarget ? HIGHLIGHT : undefined}
    >
      {editing ? (
        <>
          <Title order={3} size="h4" id={titleId} mb="sm">
            Edit “{evidence.title}”
          </Title>
          <EvidenceForm
            report={report}
            evidenceId={evidence.id}
            initial={formFromEvidence(evidence)}
            label={`Edit ${evidence.title}`}
            submitLabel="Save changes"
            onCancel={stopEditing}
            onReload={() => {
              void client.invalidateQueries({ queryKey: recordKeys.evidence(report.id) });
              stopEditing();
            }}
            onSubmit={(values) =>
              update.mutateAsync(
                { id: evidence.id, expectedVersion: evidence.version, draft: evidenceDraft(values) },
                { onSuccess: stopEditing },
              )
            }
          />
        </>
      ) : (
        <Stack gap="xs">
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <Stack gap={2}>
              <Group gap="xs" wrap="nowrap" align="center">
                <Title order={3} size="h4" id={titleId}>
                  {evidence.title}
                </Title>
                {evidence.flagship && <FlagshipBadge />}
              </Group>
              <Text size="sm" c="dimmed" data-testid="evidence-period">
                {formatDate(evidence.startedOn)} – {evidence.endedOn ? formatDate(evidence.endedOn) : "ongoing"}
              </Text>
              <FromOneOnOne reportId={report.id} kind="evidence" id={evidence.id} />
            </Stack>
            {!readOnly && (
              <Group gap={2} wrap="nowrap" className="no-print">
                <IconButton label={`Edit ${evidence.title}`} hint="Edit" onClick={() => setEditing(true)}>
                  <IconPencil size={18} />
                </IconButton>
                <DeleteButton kind="evidence" id={evidence.id} label={`the evidence item “${evidence.title}”`} />
              </Group>
            )}
          </Group>
          <Group gap={6}>
            <Badge variant="light" color="gray">
              {labelOf(EVIDENCE_KINDS, evidence.kind)}
            </Badge>
            <RoleBadge role={evidence.role} />
            <WorkMixBadge mix={evidence.workMix} />
            {evidence.archetype && (
              <Badge variant="outline" color="blue">
                {archetypeLabel(evidence.archetype)} work
              </Badge>
            )}
          </Group>
          {evidence.impact ? (
            <Group gap={4} align="baseline" wrap="nowrap" data-testid="evidence-impact">
              <Text span c="dimmed" size="sm" style={{ flexShrink: 0 }}>
                Impact:
              </Text>
              <Markdown>{evidence.impact}</Markdown>
            </Group>
          ) : (
            <Fact label="Impact">
              <Badge color="orange" variant="light" leftSection={<IconAlertTriangle size={12} aria-hidden />} data-testid="unquantified">
                impact not quantified
              </Badge>
            </Fact>
          )}
          <Fact label="Co-owners">
            {evidence.coOwners.length > 0 ? (
              evidence.coOwners.map((p) => p.name).join(", ")
            ) : (
              <Text span c="dimmed" size="sm">
                none recorded
              </Text>
            )}
          </Fact>
          {evidence.inProductionSince && (
            <Fact label="In production since">
              {formatDate(evidence.inProductionSince)} ({timeSince(evidence.inProductionSince)})
            </Fact>
          )}
          {evidence.description && <Markdown data-testid="evidence-description">{evidence.description}</Markdown>}
          <LinkList links={evidence.links} title={evidence.title} />
        </Stack>
      )}
      {!editing && (
        <>
          <Divider my="sm" />
          <VisibilityList report={report} evidence={evidence} readOnly={readOnly} />
        </>
      )}
    </Card>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Text size="sm" component="div">
      <Text span c="dimmed" size="sm">
        {label}:{" "}
      </Text>
      {children}
    </Text>
  );
}

const ROLE_COLORS: Record<EvidenceRole, { color: string; variant: string }> = {
  led: { color: "teal", variant: "filled" },
  co_led: { color: "teal", variant: "light" },
  contributed: { color: "gray", variant: "outline" },
  advised: { color: "gray", variant: "outline" },
};

function RoleBadge({ role }: { role: EvidenceRole }) {
  return <Badge {...ROLE_COLORS[role]}>{labelOf(EVIDENCE_ROLES, role)}</Badge>;
}

const MIX_COLORS: Partial<Record<WorkMix, string>> = {
  high_leverage: "teal",
  snacking: "yellow",
  preening: "orange",
  chasing_ghosts: "red",
};

/** The work-mix tag; drift (snacking, preening, chasing ghosts) in warning colours. */
export function WorkMixBadge({ mix }: { mix: WorkMix }) {
  if (mix === "untagged") return null;
  const [short, why] = labelOf(WORK_MIXES, mix).split(" (");
  return (
    <Badge color={MIX_COLORS[mix]} variant="light" title={why ? why.replace(/\)$/, "") : undefined} data-testid="work-mix">
      {short}
    </Badge>
  );
}
