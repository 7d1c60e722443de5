// Placeholder: being built (issue 3). Replace the body, keep the export.
export function SearchPage() {
  return <div data-testid="placeholder-SearchPage" />;
}
