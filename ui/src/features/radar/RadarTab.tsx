// Placeholder: being built (issue 4). Replace the body, keep the export and props.
import type { Report } from "../../bindings";

export function RadarTab({ report }: { report: Report }) {
  return <div data-testid="placeholder-RadarTab" data-report={report.id} />;
}
