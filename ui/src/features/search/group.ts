// Search hits grouped for reading: by report (people outside the roster together), then by
// kind. Reports come in the order of their best hit; hits keep their rank inside a kind.
import type { RecordKind, SearchHit } from "../../bindings";
import { RECORD_KINDS } from "../../lib/labels";

export type KindGroup = { kind: RecordKind; label: string; hits: SearchHit[] };
export type ReportGroup = { key: string; name: string; kinds: KindGroup[] };

export function groupHits(hits: SearchHit[]): ReportGroup[] {
  const groups = new Map<string, { name: string; hits: SearchHit[] }>();
  for (const hit of hits) {
    const key = hit.reportId ?? "people";
    const group = groups.get(key) ?? { name: hit.reportId ? (hit.reportName ?? "Unnamed report") : "People", hits: [] };
    group.hits.push(hit);
    groups.set(key, group);
  }
  return [...groups].map(([key, g]) => ({
    key,
    name: g.name,
    kinds: RECORD_KINDS.map((k) => ({ kind: k.value, label: k.label, hits: g.hits.filter((h) => h.kind === k.value) })).filter(
      (k) => k.hits.length > 0,
    ),
  }));
}
