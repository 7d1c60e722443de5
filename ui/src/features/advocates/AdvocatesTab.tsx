// Placeholder: being built (issue 3). Replace the body, keep the export.
import type { Report } from "../../bindings";

export function AdvocatesTab({ report }: { report: Report }) {
  return <div data-testid="placeholder-AdvocatesTab" data-report={report.id} />;
}
