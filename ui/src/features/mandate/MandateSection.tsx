// Placeholder: being built (issue 3). Replace the body, keep the export.
import type { Report } from "../../bindings";

export function MandateSection({ report }: { report: Report }) {
  return <div data-testid="placeholder-MandateSection" data-report={report.id} />;
}
