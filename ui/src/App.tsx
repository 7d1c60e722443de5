import { Route, Router, Switch } from "wouter";
import { useHashLocation } from "wouter/use-hash-location";

import { Shell } from "./components/Shell";
import { NotFound } from "./components/NotFound";
import { DataPage } from "./features/data/DataPage";
import { LadderPage } from "./features/ladder/LadderPage";
import { EditReportPage } from "./features/roster/EditReportPage";
import { NewReportPage } from "./features/roster/NewReportPage";
import { ReportPage } from "./features/roster/ReportPage";
import { RosterPage } from "./features/roster/RosterPage";
import { Providers } from "./Providers";

export function Routes() {
  return (
    <Switch>
      <Route path="/">
        <RosterPage filter="active" />
      </Route>
      <Route path="/archived">
        <RosterPage filter="archived" />
      </Route>
      <Route path="/reports/new" component={NewReportPage} />
      <Route path="/reports/:id/edit">{(p) => <EditReportPage id={p.id} />}</Route>
      <Route path="/reports/:id">{(p) => <ReportPage id={p.id} />}</Route>
      <Route path="/ladder" component={LadderPage} />
      <Route path="/data" component={DataPage} />
      <Route component={NotFound} />
    </Switch>
  );
}

export function App() {
  return (
    <Providers>
      <Router hook={useHashLocation}>
        <Shell>
          <Routes />
        </Shell>
      </Router>
    </Providers>
  );
}
