// When each signal first appeared, relative to calibration (or to the as-of date when the
// report is not a candidate): a plain horizontal SVG timeline, one marker per signal coloured
// by severity, with a <title> per marker and the same dates as a table.
import { Box, Table, Text } from "@mantine/core";

import type { Signal } from "../../bindings";
import { daysBetween, formatDate } from "../../lib/dates";
import { RULE_LABELS, SEVERITIES, daysBefore, severityColor } from "./signals";

const WIDTH = 720;
const PAD = 16;
const ROW = 34;
const TOP = 28;
const AXIS = 30;
const STEPS = [7, 14, 30, 60, 90, 180, 365, 730];

/** Labels near an edge are anchored inwards so they are not cut off. */
const anchorAt = (px: number) => (px > WIDTH - 50 ? "end" : px < 50 ? "start" : "middle");

type Props = {
  signals: Signal[];
  /** The calibration date, or the as-of date when not a candidate. */
  reference: string;
  candidate: boolean;
  /** Marked on a candidate's timeline: where "now" is relative to calibration. */
  asOf: string;
};

export function SignalTimeline({ signals, reference, candidate, asOf }: Props) {
  const rows = signals
    .map((s) => ({ s, days: daysBefore(s, reference) }))
    .sort((a, b) => b.days - a.days);
  const now = candidate ? (daysBetween(asOf, reference) ?? 0) : 0;
  const max = Math.max(30, now, ...rows.map((r) => r.days));
  const min = Math.min(0, now, ...rows.map((r) => r.days));
  const x = (d: number) => PAD + ((max - d) / (max - min)) * (WIDTH - 2 * PAD);
  const height = TOP + rows.length * ROW + AXIS;
  const axisY = TOP + rows.length * ROW + 4;
  const step = STEPS.find((s) => (max - min) / s <= 8) ?? 365;
  const ticks: number[] = [];
  for (let d = Math.floor(max / step) * step; d >= min; d -= step) ticks.push(d);
  const zeroName = candidate ? "calibration" : "as of";
  const unit = candidate ? "days before calibration" : "days before the as-of date";

  return (
    <Box component="figure" m={0} data-testid="signal-timeline">
      <Text component="figcaption" size="sm" fw={600} mb={4}>
        When each signal first appeared, in {unit} ({zeroName} {formatDate(reference)} on the right)
      </Text>
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        role="img"
        aria-label={`Timeline of ${rows.length} ${rows.length === 1 ? "signal" : "signals"} by the date each first appeared, relative to ${zeroName}. The table below gives the same dates.`}
        style={{ maxWidth: WIDTH, display: "block", overflow: "visible" }}
      >
        {ticks.map((d) => (
          <g key={d}>
            <line x1={x(d)} x2={x(d)} y1={TOP - 6} y2={axisY} style={{ stroke: "var(--mantine-color-default-border)" }} strokeDasharray={d === 0 ? undefined : "2 4"} />
            <text x={x(d)} y={axisY + 16} textAnchor={anchorAt(x(d))} fontSize={11} style={{ fill: "var(--mantine-color-dimmed)" }}>
              {d === 0 ? zeroName : `${d} d`}
            </text>
          </g>
        ))}
        {!ticks.includes(0) && (
          <g>
            <line x1={x(0)} x2={x(0)} y1={TOP - 6} y2={axisY} style={{ stroke: "var(--mantine-color-text)" }} />
            <text x={x(0)} y={axisY + 16} textAnchor={anchorAt(x(0))} fontSize={11} style={{ fill: "var(--mantine-color-text)" }}>
              {zeroName}
            </text>
          </g>
        )}
        {candidate && now !== 0 && (
          <g data-testid="timeline-as-of">
            <line x1={x(now)} x2={x(now)} y1={TOP - 6} y2={axisY} style={{ stroke: "var(--mantine-color-teal-6)" }} strokeWidth={2} />
            <text x={x(now)} y={TOP - 9} textAnchor={anchorAt(x(now))} fontSize={11} style={{ fill: "var(--mantine-color-teal-7)" }}>
              as of {formatDate(asOf)}
            </text>
          </g>
        )}
        {rows.map(({ s, days }, i) => {
          const cx = x(days);
          const cy = TOP + i * ROW + ROW - 8;
          const color = `var(--mantine-color-${severityColor(s.severity)}-6)`;
          const rightHalf = cx > WIDTH * 0.6;
          return (
            <g key={s.causeKey} data-testid="timeline-marker" data-severity={s.severity} opacity={s.ack ? 0.55 : 1}>
              <title>{`${s.message} (${s.severity} severity) First fired ${formatDate(s.since)}, ${days} ${unit}.${s.ack ? ` ${s.ack.action === "snoozed" ? "Snoozed" : "Acknowledged"}.` : ""}`}</title>
              <line x1={cx} x2={x(now)} y1={cy} y2={cy} style={{ stroke: color }} strokeOpacity={0.35} strokeWidth={2} />
              <circle cx={cx} cy={cy} r={6} style={{ fill: s.ack ? "var(--mantine-color-body)" : color, stroke: color }} strokeWidth={2} />
              <text x={rightHalf ? cx + 4 : cx - 4} y={cy - 10} textAnchor={rightHalf ? "end" : "start"} fontSize={12} style={{ fill: "var(--mantine-color-text)" }}>
                {RULE_LABELS[s.rule]} · {days} d
              </text>
            </g>
          );
        })}
      </svg>
      <Box component="details" mt="xs">
        <Text component="summary" size="sm" style={{ cursor: "pointer" }}>
          The same dates as a table
        </Text>
        <Table mt="xs" striped data-testid="signal-timeline-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Signal</Table.Th>
              <Table.Th scope="col">Severity</Table.Th>
              <Table.Th scope="col">First fired</Table.Th>
              <Table.Th scope="col">{candidate ? "Days before calibration" : "Days before the as-of date"}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map(({ s, days }) => (
              <Table.Tr key={s.causeKey}>
                <Table.Td>
                  {s.message}
                  {s.ack && ` (${s.ack.action === "snoozed" ? "snoozed" : "acknowledged"})`}
                </Table.Td>
                <Table.Td>{SEVERITIES.find((v) => v.value === s.severity)?.label}</Table.Td>
                <Table.Td>{formatDate(s.since)}</Table.Td>
                <Table.Td>{days}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Box>
    </Box>
  );
}
