// Placeholder: being built (issue 3). Replace the body, keep the export.
import type { Report } from "../../bindings";

export function EvidenceTab({ report }: { report: Report }) {
  return <div data-testid="placeholder-EvidenceTab" data-report={report.id} />;
}
