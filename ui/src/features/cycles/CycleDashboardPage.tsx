// A cycle's dashboard: every candidate with their radar on a date (today, or any date replayed),
// the countdowns to packet due and calibration, and the cycle's own details.
import { Anchor, Button, Card, Group, Loader, Stack, Text, Title } from "@mantine/core";
import { IconPencil, IconUserPlus, IconUsersGroup } from "@tabler/icons-react";
import { useRef, useState } from "react";
import { Link, useLocation } from "wouter";

import type { CycleDashboard } from "../../bindings";
import { useCandidates, useCycleDashboard } from "../../api/radar";
import { DeleteButton } from "../../components/DeleteButton";
import { ExportNotesButton } from "../export/ExportNotesButton";
import { Empty } from "../../components/Empty";
import { ErrorNotice } from "../../components/ErrorNotice";
import { formatDate } from "../../lib/dates";
import { AddCandidateForm } from "./AddCandidateForm";
import { AsOfControl } from "./AsOfControl";
import { CycleForm } from "./CycleForm";
import { DashboardTable } from "./DashboardTable";
import { committeeNames, countdown } from "./format";

export function CycleDashboardPage({ id }: { id: string }) {
  const [asOf, setAsOf] = useState("");
  const dashboard = useCycleDashboard(id, asOf);
  if (!dashboard.data) {
    return dashboard.isError ? <ErrorNotice error={dashboard.error} /> : <Loader aria-label="Loading the cycle" />;
  }
  return (
    <Dashboard data={dashboard.data} asOf={asOf} onAsOf={setAsOf} failure={dashboard.isError ? dashboard.error : null} loading={dashboard.isFetching} />
  );
}

type Props = { data: CycleDashboard; asOf: string; onAsOf: (d: string) => void; failure: unknown; loading: boolean };

function Dashboard({ data, asOf, onAsOf, failure, loading }: Props) {
  const { cycle } = data;
  const [mode, setMode] = useState<"view" | "edit" | "add">("view");
  const candidates = useCandidates(cycle.id);
  const [, navigate] = useLocation();
  const addButton = useRef<HTMLButtonElement>(null);
  const done = () => {
    setMode("view");
    requestAnimationFrame(() => addButton.current?.focus());
  };
  const taken = (candidates.data ?? data.candidates.map((r) => r.candidate)).map((c) => c.reportId);
  const days = data.daysToCalibration;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Anchor component={Link} href="/cycles" size="sm">
            ← All cycles
          </Anchor>
          <Title order={2}>{cycle.name}</Title>
          <Text data-testid="calibration-countdown">
            Calibration on <b>{formatDate(cycle.calibrationDate)}</b>:{" "}
            {days >= 0 ? `${countdown(cycle.calibrationDate, data.asOf)} (${days} ${days === 1 ? "day" : "days"})` : `${countdown(cycle.calibrationDate, data.asOf)}, done`}
          </Text>
          <Text size="sm" c="dimmed" data-testid="packet-countdown">
            Packet due {formatDate(cycle.packetDue)} ({countdown(cycle.packetDue, data.asOf)}) · opened {formatDate(cycle.opensOn)} · committee:{" "}
            {cycle.committee.length ? committeeNames(cycle.committee) : "nobody recorded yet"}
          </Text>
        </Stack>
        <Group className="no-print">
          <ExportNotesButton scope={{ kind: "cycle", cycleId: cycle.id }} />
          <Button ref={addButton} leftSection={<IconUserPlus size={16} aria-hidden />} onClick={() => setMode("add")} disabled={mode !== "view"}>
            Add candidate
          </Button>
          <Button variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setMode("edit")} disabled={mode !== "view"}>
            Edit cycle
          </Button>
          <DeleteButton
            kind="cycle"
            id={cycle.id}
            label={`the cycle “${cycle.name}”`}
            onDeleted={() => {
              navigate("/cycles");
            }}
          />
        </Group>
      </Group>
      {mode === "edit" && (
        <Card withBorder>
          <Title order={3} size="h4" mb="sm">
            Edit cycle {cycle.name}
          </Title>
          <CycleForm key={cycle.version} cycle={cycle} onDone={done} />
        </Card>
      )}
      {mode === "add" && (
        <Card withBorder>
          <Title order={3} size="h4" mb="sm">
            Add a candidate to {cycle.name}
          </Title>
          <AddCandidateForm cycle={cycle} taken={taken} onDone={done} />
        </Card>
      )}
      <Group justify="space-between" align="flex-end">
        <AsOfControl value={asOf} onChange={onAsOf} />
        <Text size="sm" c="dimmed" data-testid="as-of-shown">
          {loading ? "Computing the radar…" : `Radar as of ${formatDate(data.asOf)}${asOf === "" ? " (today)" : ""}`}
        </Text>
      </Group>
      {failure !== null && <ErrorNotice error={failure} />}
      {data.candidates.length === 0 ? (
        <Empty
          testId="dashboard-empty"
          icon={<IconUsersGroup size={32} aria-hidden />}
          title="No candidates in this cycle"
          next="Add the reports you expect to put forward, or are considering: adding someone early costs nothing and buys lead time."
          action={mode === "view" && <Button onClick={() => setMode("add")}>Add the first candidate</Button>}
          why="The radar then tracks each one's packet, reviews, rules of thumb and visibility against this calibration date."
        />
      ) : (
        <DashboardTable rows={data.candidates} />
      )}
    </Stack>
  );
}
