import { Text } from "@mantine/core";

import type { Report } from "../../bindings";

/** The report's 1:1s: meetings, carried-over agenda, notes and action items. */
export function OneOnOnesTab({ report }: { report: Report }) {
  return <Text c="dimmed">1:1s for {report.name} are being built.</Text>;
}
