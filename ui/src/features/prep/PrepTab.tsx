import { Text } from "@mantine/core";

import type { Report } from "../../bindings";

/** The 1:1 prep view: what changed since the last 1:1, what carries over, what to ask. */
export function PrepTab({ report }: { report: Report }) {
  return <Text c="dimmed">1:1 prep for {report.name} is being built.</Text>;
}
