// The flagship: the one evidence item per report that the packet leads with. One badge, in one
// colour, wherever a report's evidence titles are listed.
import { Badge, type BadgeProps } from "@mantine/core";
import { IconStarFilled } from "@tabler/icons-react";

import type { ReportId } from "../../bindings";
import { useEvidence } from "../../api/record";

export const FLAGSHIP_HINT = "The project the packet leads with";

export function FlagshipBadge(props: BadgeProps) {
  return (
    <Badge
      color="dark"
      variant="filled"
      leftSection={<IconStarFilled size={10} aria-hidden />}
      title={FLAGSHIP_HINT}
      data-testid="flagship"
      style={{ flexShrink: 0 }}
      {...props}
    >
      Flagship
    </Badge>
  );
}

/** The id of the report's flagship evidence item, if one is marked (from the cached evidence list). */
export function useFlagshipId(reportId: ReportId): string | null {
  const evidence = useEvidence(reportId);
  return evidence.data?.find((e) => e.flagship)?.id ?? null;
}
