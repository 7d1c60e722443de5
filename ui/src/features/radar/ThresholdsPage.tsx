// Placeholder: being built (issue 4). Replace the body, keep the export and props.
export function ThresholdsPage() {
  return <div data-testid="placeholder-ThresholdsPage"  />;
}
