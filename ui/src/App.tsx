import { Loader } from "@mantine/core";
import type { QueryClient } from "@tanstack/react-query";
import { lazy, Suspense, type ComponentType } from "react";
import { Route, Router, Switch } from "wouter";
import { useHashLocation } from "wouter/use-hash-location";

import { Shell } from "./components/Shell";
import { NotFound } from "./components/NotFound";
import { isReportTab } from "./features/roster/reportTabs";
import { TodayPage } from "./features/today/TodayPage";
import { Providers } from "./Providers";

/** Every screen loaded on demand, to load them all once the first screen is up. */
const loaders: (() => Promise<unknown>)[] = [];

/**
 * A screen loaded when first visited: the first screen (Today) is in the app's first script,
 * every other screen in a script of its own, so that starting the app reads only what it shows.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any screen's props
function screen<M extends Record<K, ComponentType<any>>, K extends keyof M>(load: () => Promise<M>, name: K) {
  loaders.push(load);
  return lazy(() => load().then((m) => ({ default: m[name] })));
}

/** Loads every screen's script (after the first screen), so that going to one never waits. */
export function preloadScreens(): Promise<unknown> {
  return Promise.all(loaders.map((load) => load().catch(() => undefined)));
}

const RosterPage = screen(() => import("./features/roster/RosterPage"), "RosterPage");
const NewReportPage = screen(() => import("./features/roster/NewReportPage"), "NewReportPage");
const EditReportPage = screen(() => import("./features/roster/EditReportPage"), "EditReportPage");
const ReportPage = screen(() => import("./features/roster/ReportPage"), "ReportPage");
const PeoplePage = screen(() => import("./features/people/PeoplePage"), "PeoplePage");
const CyclesPage = screen(() => import("./features/cycles/CyclesPage"), "CyclesPage");
const CycleDashboardPage = screen(() => import("./features/cycles/CycleDashboardPage"), "CycleDashboardPage");
const CandidatePage = screen(() => import("./features/cycles/CandidatePage"), "CandidatePage");
const RulesPage = screen(() => import("./features/rules/RulesPage"), "RulesPage");
const QuestionsPage = screen(() => import("./features/questions/QuestionsPage"), "QuestionsPage");
const ThresholdsPage = screen(() => import("./features/radar/ThresholdsPage"), "ThresholdsPage");
const RemindersPage = screen(() => import("./features/reminders/RemindersPage"), "RemindersPage");
const SearchPage = screen(() => import("./features/search/SearchPage"), "SearchPage");
const LadderPage = screen(() => import("./features/ladder/LadderPage"), "LadderPage");
const DataPage = screen(() => import("./features/data/DataPage"), "DataPage");

export function Routes() {
  return (
    <Suspense fallback={<Loader aria-label="Loading the screen" />}>
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
    </Suspense>
  );
}

export function App({ client }: { client?: QueryClient }) {
  return (
    <Providers client={client}>
      <Router hook={useHashLocation}>
        <Shell>
          <Routes />
        </Shell>
      </Router>
    </Providers>
  );
}
