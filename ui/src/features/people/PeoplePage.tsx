// Placeholder: being built (issue 3). Replace the body, keep the export.
export function PeoplePage() {
  return <div data-testid="placeholder-PeoplePage" />;
}
