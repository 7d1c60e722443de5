import { Anchor } from "@mantine/core";
import { Link } from "wouter";

import { Empty } from "./Empty";

export function NotFound() {
  return (
    <Empty
      order={2}
      title="Nothing here"
      next="This page does not exist. Go back to the roster to find your reports."
      action={
        <Anchor component={Link} href="/roster">
          Open the roster
        </Anchor>
      }
      testId="not-found"
    />
  );
}
