// Placeholder: being built (issue 3). Replace the body, keep the export.
import type { Report } from "../../bindings";

export function NegativeFeedbackCard({ report }: { report: Report }) {
  return <div data-testid="placeholder-NegativeFeedbackCard" data-report={report.id} />;
}
