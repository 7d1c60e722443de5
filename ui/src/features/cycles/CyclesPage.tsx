// The promotion/calibration cycles, the next calibration first, with a form to add or edit one.
import { Button, Card, Group, Loader, Stack, Text, Title } from "@mantine/core";
import { IconCalendarPlus, IconRadar } from "@tabler/icons-react";
import { useRef, useState } from "react";

import type { Cycle } from "../../bindings";
import { useCycles } from "../../api/radar";
import { Empty } from "../../components/Empty";
import { ErrorNotice } from "../../components/ErrorNotice";
import { todayIso } from "../../lib/dates";
import { focusRecord } from "../../lib/focus";
import { CycleCard } from "./CycleCard";
import { CycleForm } from "./CycleForm";

/** Upcoming calibrations first (soonest first), then past ones (latest first). */
export function nextFirst(cycles: Cycle[], today: string = todayIso()): Cycle[] {
  const upcoming = cycles.filter((c) => c.calibrationDate >= today).sort((a, b) => a.calibrationDate.localeCompare(b.calibrationDate));
  const past = cycles.filter((c) => c.calibrationDate < today).sort((a, b) => b.calibrationDate.localeCompare(a.calibrationDate));
  return [...upcoming, ...past];
}

/** What is being edited: nothing, a new cycle ("new"), or the cycle with this id. */
type Editing = string | null;

export function CyclesPage() {
  const cycles = useCycles();
  const [editing, setEditing] = useState<Editing>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const list = nextFirst(cycles.data ?? []);

  const closeNew = (saved?: Cycle) => {
    setEditing(null);
    if (saved) focusRecord(saved.id);
    else requestAnimationFrame(() => addButton.current?.focus());
  };

  return (
    <Stack gap="md" maw={960}>
      <Group justify="space-between">
        <Stack gap={2}>
          <Title order={2}>Cycles</Title>
          <Text size="sm" c="dimmed">
            Promotion and calibration rounds: open one to see every candidate's risks.
          </Text>
        </Stack>
        {list.length > 0 && (
          <Button ref={addButton} leftSection={<IconCalendarPlus size={18} aria-hidden />} onClick={() => setEditing("new")} disabled={editing !== null}>
            New cycle
          </Button>
        )}
      </Group>
      {cycles.isPending && <Loader aria-label="Loading cycles" />}
      {cycles.isError && <ErrorNotice error={cycles.error} />}
      {editing === "new" && (
        <Card withBorder>
          <Title order={3} size="h4" mb="sm">
            New cycle
          </Title>
          <CycleForm onDone={closeNew} />
        </Card>
      )}
      {cycles.data?.length === 0 && editing !== "new" && (
        <Empty
          testId="cycles-empty"
          icon={<IconRadar size={32} aria-hidden />}
          title="No cycles yet"
          next="Add the next promotion or calibration round, then put your candidates on it."
          action={
            <Button ref={addButton} onClick={() => setEditing("new")}>
              Add the next cycle
            </Button>
          }
          why="A cycle is one promotion/calibration round: when the period being judged opened, when the packet is due, the date of the calibration meeting and who sits on the committee. The radar then counts back from calibration and tells you, months ahead, what would otherwise surprise you in the room."
        />
      )}
      {list.map((c) =>
        editing === c.id ? (
          <Card withBorder key={c.id}>
            <Title order={3} size="h4" mb="sm">
              Edit cycle {c.name}
            </Title>
            <CycleForm
              key={c.version}
              cycle={c}
              onDone={() => {
                setEditing(null);
                focusRecord(c.id);
              }}
            />
          </Card>
        ) : (
          <CycleCard key={c.id} cycle={c} editable={editing === null} onEdit={() => setEditing(c.id)} />
        ),
      )}
    </Stack>
  );
}
