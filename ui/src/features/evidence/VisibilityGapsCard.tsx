// Placeholder: being built (issue 3). Replace the body, keep the export.
import type { Report } from "../../bindings";

export function VisibilityGapsCard({ report }: { report: Report }) {
  return <div data-testid="placeholder-VisibilityGapsCard" data-report={report.id} />;
}
