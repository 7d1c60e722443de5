// Placeholder: being built (issue 3). Replace the body, keep the export.
import type { Report } from "../../bindings";

export function TimelineTab({ report }: { report: Report }) {
  return <div data-testid="placeholder-TimelineTab" data-report={report.id} />;
}
