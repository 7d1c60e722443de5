// The report's evidence log, newest first: what they did, when, their role, the impact, and
// who has seen it. Filterable by kind and work mix; twenty at a time with "Show older", so
// years of evidence open as fast as a few (a record asked for by search is always shown).
import { Alert, Button, Card, Group, Loader, NativeSelect, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconFileText, IconPlus } from "@tabler/icons-react";
import { useState } from "react";

import type { Evidence, Report } from "../../bindings";
import { useCreateEvidence, useEvidence } from "../../api/record";
import { Empty } from "../../components/Empty";
import { ErrorNotice } from "../../components/ErrorNotice";
import { focusRecord, useFocusedRecord } from "../../lib/focus";
import { shownCount } from "../../lib/paging";
import { useIntent } from "../../lib/intent";
import { EVIDENCE_KINDS, WORK_MIXES } from "../../lib/labels";
import { EMPTY_EVIDENCE, evidenceDraft } from "./draft";
import { EvidenceCard } from "./EvidenceCard";
import { EvidenceForm } from "./EvidenceForm";

const DRIFT = ["snacking", "preening", "chasing_ghosts"];
/** Evidence items shown at first, and added by each "Show older". */
export const EVIDENCE_PAGE = 20;

export function EvidenceTab({ report }: { report: Report }) {
  const evidence = useEvidence(report.id);
  const create = useCreateEvidence(report.id);
  const [adding, setAdding] = useState(false);
  // Closing the form without saving puts focus back on the button that opened it.
  const [cancelled, setCancelled] = useState(false);
  const startAdding = () => {
    setCancelled(false);
    setAdding(true);
  };
  // Asked for from the command palette.
  useIntent(report.id, "new-evidence", startAdding);
  const [kind, setKind] = useState("");
  const [mix, setMix] = useState("");
  const [pages, setPages] = useState(1);
  const focused = useFocusedRecord();
  const readOnly = report.archivedAt !== null;
  const clearFilters = () => {
    setKind("");
    setMix("");
  };

  if (evidence.isError) return <ErrorNotice error={evidence.error} />;
  if (!evidence.data) return <Loader aria-label="Loading evidence" />;

  const all = [...evidence.data].sort((a, b) => b.startedOn.localeCompare(a.startedOn));
  const matches = all.filter((e) => (!kind || e.kind === kind) && (!mix || e.workMix === mix));
  const count = shownCount(
    matches,
    pages,
    EVIDENCE_PAGE,
    focused ? (e) => e.id === focused || e.visibility.some((v) => v.id === focused) : undefined,
  );
  const shown = matches.slice(0, count);
  const rest = matches.length - shown.length;

  const form = adding && !readOnly && (
    <Card withBorder>
      <Title order={3} size="h4" mb="sm">
        New evidence
      </Title>
      <EvidenceForm
        report={report}
        initial={EMPTY_EVIDENCE}
        label="New evidence"
        submitLabel="Add evidence"
        onCancel={() => {
          setAdding(false);
          setCancelled(true);
        }}
        onSubmit={(values) =>
          create.mutateAsync(evidenceDraft(values), {
            onSuccess: (created) => {
              setAdding(false);
              clearFilters();
              focusRecord(created.id);
              notifications.show({ message: `Added “${created.title}” to ${report.name}'s evidence.`, color: "teal" });
            },
          })
        }
      />
    </Card>
  );

  return (
    <Stack gap="md">
      {readOnly && (
        <Alert color="gray" data-testid="evidence-read-only">
          {report.name} is archived, so their evidence is read-only. Restore the report to add or
          edit evidence and who has seen it.
        </Alert>
      )}
      {all.length === 0 ? (
        form || <NoEvidence report={report} readOnly={readOnly} focusAdd={cancelled} onAdd={startAdding} />
      ) : (
        <>
          <Group justify="space-between" align="flex-end">
            <Summary items={all} />
            {!readOnly && !adding && (
              <Button leftSection={<IconPlus size={16} aria-hidden />} autoFocus={cancelled} onClick={startAdding}>
                Add evidence
              </Button>
            )}
          </Group>
          {form}
          <Group align="flex-end" className="no-print">
            <NativeSelect
              label="Filter by kind"
              value={kind}
              onChange={(e) => {
                setKind(e.currentTarget.value);
                setPages(1);
              }}
              data={[{ value: "", label: `All kinds (${all.length})` }, ...countOptions(all, EVIDENCE_KINDS, kind, (e) => e.kind)]}
            />
            <NativeSelect
              label="Filter by work mix"
              value={mix}
              onChange={(e) => {
                setMix(e.currentTarget.value);
                setPages(1);
              }}
              data={[{ value: "", label: "Any work mix" }, ...countOptions(all, WORK_MIXES, mix, (e) => e.workMix)]}
            />
            {matches.length !== all.length && (
              <Text size="sm" c="dimmed" role="status">
                Showing {matches.length} of {all.length}
              </Text>
            )}
          </Group>
          {shown.map((e) => (
            <EvidenceCard key={e.id} report={report} evidence={e} readOnly={readOnly} />
          ))}
          {rest > 0 && (
            <Button variant="default" onClick={() => setPages(Math.ceil(count / EVIDENCE_PAGE) + 1)} w="fit-content" data-testid="evidence-older">
              Show {Math.min(EVIDENCE_PAGE, rest)} older items ({rest} more)
            </Button>
          )}
          {matches.length === 0 && (
            <Text c="dimmed" data-testid="no-matches">
              No evidence matches these filters.{" "}
              <Button variant="subtle" size="compact-sm" onClick={clearFilters}>
                Show everything
              </Button>
            </Text>
          )}
        </>
      )}
    </Stack>
  );
}

/** The options with how many items each has; those with none are left out (unless chosen). */
function countOptions(
  items: Evidence[],
  options: { value: string; label: string }[],
  chosen: string,
  of: (e: Evidence) => string,
) {
  return options
    .map((o) => ({ ...o, n: items.filter((e) => of(e) === o.value).length }))
    .filter((o) => o.n > 0 || o.value === chosen)
    .map((o) => ({ value: o.value, label: `${o.label.split(" (")[0]} (${o.n})` }));
}

/** What a reader wants at a glance: how much, how much of it led, what is thin or drifting. */
function Summary({ items }: { items: Evidence[] }) {
  const led = items.filter((e) => e.role === "led" || e.role === "co_led").length;
  const unquantified = items.filter((e) => !e.impact.trim()).length;
  const drift = items.filter((e) => DRIFT.includes(e.workMix)).length;
  const unseen = items.filter((e) => e.visibility.length === 0).length;
  const parts = [
    `${items.length} ${items.length === 1 ? "item" : "items"}`,
    `${led} led or co-led`,
    unquantified > 0 && `${unquantified} without quantified impact`,
    unseen > 0 && `${unseen} seen by nobody`,
    drift > 0 && `${drift} tagged snacking, preening or chasing ghosts`,
  ].filter(Boolean);
  return (
    <Text size="sm" c="dimmed" data-testid="evidence-summary">
      {parts.join(" · ")}
    </Text>
  );
}

type EmptyProps = { report: Report; readOnly: boolean; focusAdd: boolean; onAdd: () => void };

function NoEvidence({ report, readOnly, focusAdd, onAdd }: EmptyProps) {
  return (
    <Empty
      testId="evidence-empty"
      icon={<IconFileText size={32} aria-hidden />}
      title="No evidence yet"
      next={`Record ${report.name}'s work as it happens: what it was, when, their role (led, co-led, contributed, advised), who shared it, the impact in numbers, links to check it, and who has actually seen it.`}
      action={
        !readOnly && (
          <Button leftSection={<IconPlus size={16} aria-hidden />} autoFocus={focusAdd} onClick={onAdd}>
            Add the first evidence item
          </Button>
        )
      }
      why="Glue work and help for other teams included: at calibration it is what shows the work was theirs, mattered, and was seen by the people who decide."
    />
  );
}
