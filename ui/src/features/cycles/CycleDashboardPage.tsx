// Placeholder: being built (issue 4). Replace the body, keep the export and props.
export function CycleDashboardPage({ id }: { id: string }) {
  return <div data-testid="placeholder-CycleDashboardPage" data-id={id} />;
}
