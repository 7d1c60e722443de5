import { Route, Router, Switch } from "wouter";
import { useHashLocation } from "wouter/use-hash-location";

import { Shell } from "./components/Shell";
import { NotFound } from "./components/NotFound";
import { DataPage } from "./features/data/DataPage";
import { LadderPage } from "./features/ladder/LadderPage";
import { EditReportPage } from "./features/roster/EditReportPage";
import { NewReportPage } from "./features/roster/NewReportPage";
import { CandidatePage } from "./features/cycles/CandidatePage";
import { CycleDashboardPage } from "./features/cycles/CycleDashboardPage";
import { CyclesPage } from "./features/cycles/CyclesPage";
import { PeoplePage } from "./features/people/PeoplePage";
import { QuestionsPage } from "./features/questions/QuestionsPage";
import { ThresholdsPage } from "./features/radar/ThresholdsPage";
import { RemindersPage } from "./features/reminders/RemindersPage";
import { RulesPage } from "./features/rules/RulesPage";
import { REPORT_TABS, ReportPage, type ReportTab } from "./features/roster/ReportPage";
import { SearchPage } from "./features/search/SearchPage";
import { RosterPage } from "./features/roster/RosterPage";
import { TodayPage } from "./features/today/TodayPage";
import { Providers } from "./Providers";

function isReportTab(tab: string): tab is ReportTab {
  return REPORT_TABS.some((t) => t.value === tab);
}

export function Routes() {
  return (
    <Switch>
      <Route path="/" component={TodayPage} />
      <Route path="/roster">
        <RosterPage filter="active" />
      </Route>
      <Route path="/archived">
        <RosterPage filter="archived" />
      </Route>
      <Route path="/reports/new" component={NewReportPage} />
      <Route path="/reports/:id/edit">{(p) => <EditReportPage id={p.id} />}</Route>
      <Route path="/reports/:id/:tab">
        {(p) => (isReportTab(p.tab) ? <ReportPage id={p.id} tab={p.tab} /> : <NotFound />)}
      </Route>
      <Route path="/reports/:id">{(p) => <ReportPage id={p.id} />}</Route>
      <Route path="/people" component={PeoplePage} />
      <Route path="/cycles" component={CyclesPage} />
      <Route path="/cycles/:id">{(p) => <CycleDashboardPage id={p.id} />}</Route>
      <Route path="/candidates/:id">{(p) => <CandidatePage id={p.id} />}</Route>
      <Route path="/rules" component={RulesPage} />
      <Route path="/questions" component={QuestionsPage} />
      <Route path="/settings/radar" component={ThresholdsPage} />
      <Route path="/settings/reminders" component={RemindersPage} />
      <Route path="/search" component={SearchPage} />
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
