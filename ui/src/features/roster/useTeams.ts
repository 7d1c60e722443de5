import { useReports } from "../../api/queries";

/** Team names already used by reports (active and archived), for suggestions. */
export function useTeams(): string[] {
  const active = useReports("active").data ?? [];
  const archived = useReports("archived").data ?? [];
  return [...new Set([...active, ...archived].map((r) => r.team))].sort((a, b) => a.localeCompare(b));
}
