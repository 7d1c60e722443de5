// Placeholder: being built (issue 3). Replace the body, keep the export.
import type { Report } from "../../bindings";

export function MentorshipTab({ report }: { report: Report }) {
  return <div data-testid="placeholder-MentorshipTab" data-report={report.id} />;
}
