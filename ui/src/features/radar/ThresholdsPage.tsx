// The radar's thresholds: what each means, its default, and the value in use. Saving changes
// every report's radar, past dates included (a replay uses today's thresholds).
import { Anchor, Button, Fieldset, Group, Loader, NumberInput, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconRestore } from "@tabler/icons-react";
import { useState } from "react";
import { Link } from "wouter";

import type { Thresholds } from "../../bindings";
import { useSetThresholds, useThresholds } from "../../api/radar";
import { ErrorNotice } from "../../components/ErrorNotice";
import { RecordForm } from "../../components/form/RecordForm";
import { useRecordForm } from "../../components/form/useRecordForm";
import { DEFAULTS, THRESHOLD_GROUPS, thresholdsOf, valuesOf } from "./thresholds";

export function ThresholdsPage() {
  const thresholds = useThresholds();
  // Cancel starts the form again from what is stored.
  const [generation, setGeneration] = useState(0);
  return (
    <Stack gap="md" maw={860}>
      <Title order={2}>Radar settings</Title>
      <Text c="dimmed">
        The surprise radar fires when something is missing too close to calibration or when too
        little of the work is seen, quantified or high-leverage. The defaults suit most
        organisations; tune them to how yours works. Every report's radar uses these values.
      </Text>
      {thresholds.isPending && <Loader aria-label="Loading the radar settings" />}
      {thresholds.isError && <ErrorNotice error={thresholds.error} />}
      {thresholds.data && (
        <ThresholdsForm
          key={`${generation}-${JSON.stringify(thresholds.data)}`}
          stored={thresholds.data}
          onCancel={() => setGeneration((g) => g + 1)}
        />
      )}
    </Stack>
  );
}

function ThresholdsForm({ stored, onCancel }: { stored: Thresholds; onCancel: () => void }) {
  const save = useSetThresholds();
  const [resetDone, setResetDone] = useState(false);
  const form = useRecordForm(valuesOf(stored), async (values) => {
    await save.mutateAsync(thresholdsOf(values));
    notifications.show({ message: "Saved the radar settings. Every report's radar now uses them.", color: "teal" });
  });
  const atDefaults = JSON.stringify(thresholdsOf(form.values)) === JSON.stringify(thresholdsOf(DEFAULTS));

  const resetToDefaults = () => {
    for (const g of THRESHOLD_GROUPS) for (const f of g.fields) form.set(f.key, f.default);
    setResetDone(true);
  };

  return (
    <RecordForm form={form} label="Radar thresholds" submitLabel="Save settings" onCancel={onCancel} gap="md">
      {THRESHOLD_GROUPS.map((g) => (
        <Fieldset key={g.title} legend={g.title} variant="filled">
          <Text size="sm" c="dimmed" mb="sm">
            {g.about}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {g.fields.map((f) => (
              <NumberInput
                key={f.key}
                label={f.label}
                description={`${f.meaning} Default: ${f.default}${f.unit === "%" ? "%" : ` ${f.unit}`}.`}
                value={form.values[f.key]}
                onChange={(v) => {
                  form.set(f.key, v);
                  setResetDone(false);
                }}
                allowDecimal={false}
                allowNegative={false}
                hideControls
                rightSection={
                  <Text size="sm" c="dimmed" aria-hidden>
                    {f.unit}
                  </Text>
                }
                rightSectionWidth={64}
                rightSectionPointerEvents="none"
                {...form.field(f.key)}
              />
            ))}
          </SimpleGrid>
        </Fieldset>
      ))}
      <Fieldset legend="1:1s" variant="filled" data-testid="one-on-one-cadence-note">
        <Text size="sm" c="dimmed">
          How often to hold 1:1s is set for each report, not here: open a report from the{" "}
          <Anchor component={Link} href="/roster" inherit underline="always">
            roster
          </Anchor>
          , choose Edit and set “1:1 every” (every two weeks unless you say otherwise). Once any 1:1 is
          recorded, the radar raises “No recent 1:1” when more than one and a half times that cadence
          passes without one.
        </Text>
      </Fieldset>
      <Group gap="sm">
        <Button variant="default" leftSection={<IconRestore size={16} aria-hidden />} onClick={resetToDefaults}>
          Reset to defaults
        </Button>
        <Text size="sm" c="dimmed" aria-live="polite" data-testid="reset-note">
          {resetDone ? "Defaults filled in: save to apply them." : atDefaults ? "Every value is at its default." : ""}
        </Text>
      </Group>
    </RecordForm>
  );
}
