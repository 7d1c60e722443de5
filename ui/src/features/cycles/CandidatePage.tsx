// Placeholder: being built (issue 4). Replace the body, keep the export and props.
export function CandidatePage({ id }: { id: string }) {
  return <div data-testid="placeholder-CandidatePage" data-id={id} />;
}
