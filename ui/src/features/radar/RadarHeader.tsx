// The radar's date and context: the "As of" control that replays the radar on any past date,
// and the candidacy (cycle, target level, calibration) it judges against.
import { Alert, Anchor, Button, Loader, Text } from "@mantine/core";
import { useState } from "react";
import { Link } from "wouter";

import type { ReportRadar } from "../../bindings";
import { DateInput } from "../../components/form/DateInput";
import { formatDate } from "../../lib/dates";

const FULL_DATE = /^\d{4}-\d{2}-\d{2}$/;

type AsOfProps = {
  /** The applied date, "" for today. */
  asOf: string;
  onApply: (asOf: string) => void;
  /** The core's complaint about the date, if any. */
  error?: string;
  replaying: boolean;
};

/**
 * A typed date is applied once it is complete (or on Enter / leaving the field, where the core
 * judges whatever was typed). Empty means today.
 */
export function AsOfControl({ asOf, onApply, error, replaying }: AsOfProps) {
  const [typed, setTyped] = useState(asOf);
  const apply = (v: string) => {
    const value = v.trim();
    if (value !== asOf) onApply(value);
  };
  return (
    <DateInput
      label="As of"
      description="Replay the radar on any past date; empty means today"
      className="no-print"
      value={typed}
      error={error}
      errorProps={{ "data-testid": "error-asOf" }}
      onChange={(e) => {
        const v = e.currentTarget.value;
        setTyped(v);
        if (v.trim() === "" || FULL_DATE.test(v.trim())) apply(v);
      }}
      onBlur={() => apply(typed)}
      onKeyDown={(e) => {
        if (e.key === "Enter") apply(typed);
      }}
      beside={
        <>
          <Button
            variant="default"
            disabled={asOf === "" && typed === ""}
            onClick={() => {
              setTyped("");
              apply("");
            }}
          >
            Today
          </Button>
          {replaying && <Loader size="sm" aria-label="Replaying the radar" />}
        </>
      }
    />
  );
}

/** Which candidacy and cycle the radar judged against, or that it could only look at the record. */
export function JudgedAgainst({ radar, candidate }: { radar: ReportRadar; candidate: boolean }) {
  const { candidacy, cycle } = radar;
  if (candidate && candidacy && cycle) {
    return (
      <Text size="sm" data-testid="judged-against">
        Judged against the candidacy for{" "}
        <Anchor component={Link} href={`/candidates/${candidacy.id}`}>
          {candidacy.targetLevel.name} in {cycle.name}
        </Anchor>
        : packet due {formatDate(cycle.packetDue)}, calibration {formatDate(cycle.calibrationDate)}.
      </Text>
    );
  }
  return (
    <Alert color="gray" variant="light" data-testid="judged-against" title="Not a candidate: record-level signals only">
      <Text size="sm">
        {candidacy && cycle
          ? `On ${formatDate(radar.asOf)} ${radar.reportName || "they"} had not yet been added to ${cycle.name} (added ${formatDate(candidacy.addedOn)}). `
          : ""}
        Without a candidacy the radar checks the mandate, archetype, evidence, visibility,
        mentorship and advocates. Add them to a cycle to check the packet, its reviews and the
        rules of thumb as well; lead times are then counted to calibration.
      </Text>
    </Alert>
  );
}
