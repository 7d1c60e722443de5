// How backups read at a glance: when, why, how big, what is in them.
import type { BackupInfo, BackupKind } from "../../bindings";

export const KIND_LABELS: Record<BackupKind, string> = {
  daily: "Daily",
  pre_migration: "Before an upgrade",
  pre_restore: "Before a restore",
  pre_import: "Before an import",
  pre_encryption: "Before encryption changed",
};

/** "24 Nov 2026, 09:30" in the manager's time zone. */
export function formatWhen(rfc3339: string): string {
  const at = new Date(rfc3339);
  if (Number.isNaN(at.getTime())) return rfc3339;
  return at.toLocaleString("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  });
}

/** "812 KB", "3.4 MB". */
export function formatSize(bytes: number | null): string {
  if (bytes === null) return "size unknown";
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** "12 reports · 340 evidence items · 1 cycle": the counts a backup holds, in its own words. */
export function formatCounts(backup: BackupInfo): string {
  if (backup.counts.every((c) => c.count === 0)) return "no records yet";
  return backup.counts.map((c) => `${c.count} ${(c.count === 1 ? singular(c.label) : c.label).toLowerCase()}`).join(" · ");
}

/** "Rules of thumb" → "Rule of thumb", "1:1 meetings" → "1:1 meeting", "Other people" → "Other person". */
function singular(label: string): string {
  if (label.endsWith("people")) return label.replace(/people$/, "person");
  const words = label.split(" ");
  const i = words.findIndex((w) => w.endsWith("s") && !w.endsWith("ss"));
  if (i < 0) return label;
  words[i] = (words[i] ?? "").slice(0, -1);
  return words.join(" ");
}
