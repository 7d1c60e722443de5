import { Anchor, EmptyState } from "@mantine/core";
import { Link } from "wouter";

export function NotFound() {
  return (
    <EmptyState
      title="Nothing here"
      description="This page does not exist. Go back to the roster to find your reports."
    >
      <EmptyState.Actions>
        <Anchor component={Link} href="/roster">
          Open the roster
        </Anchor>
      </EmptyState.Actions>
    </EmptyState>
  );
}
