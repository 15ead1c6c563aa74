/** Providers (antd locale/theme, App, auth) and the route table. Pages are lazy-loaded. */
import { lazy } from 'react';
import type { ReactNode } from 'react';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { BrowserRouter, Route, Routes } from 'react-router';
import type { Permission } from '@shared/codes';
import { AuthProvider, RequireAuth, useAuth } from './auth';
import { useI18n } from './i18n';
import AppLayout from './layout/AppLayout';
import { Forbidden, NotFound } from './components/ApiResult';
import LoginPage from './pages/LoginPage';

const HomePage = lazy(() => import('./pages/HomePage'));
const RegionsPage = lazy(() => import('./pages/RegionsPage'));
const CommandPage = lazy(() => import('./pages/CommandPage'));
const UsersPage = lazy(() => import('./pages/UsersPage'));
const AuditPage = lazy(() => import('./pages/AuditPage'));
const PasswordPage = lazy(() => import('./pages/PasswordPage'));
const HouseholdsPage = lazy(() => import('./pages/HouseholdsPage'));
const HouseholdDetailPage = lazy(() => import('./pages/HouseholdDetailPage'));
const HouseholdFormPage = lazy(() => import('./pages/HouseholdFormPage'));
const StatsPage = lazy(() => import('./pages/StatsPage'));
const ImportPage = lazy(() => import('./pages/ImportPage'));
const PolicyPage = lazy(() => import('./pages/PolicyPage'));
const VillageWorkflowPage = lazy(() => import('./pages/VillageWorkflowPage'));
const CadresPage = lazy(() => import('./pages/forces/CadresPage'));
const CadreDetailPage = lazy(() => import('./pages/forces/CadreDetailPage'));
const TeamsPage = lazy(() => import('./pages/forces/TeamsPage'));
const FiveOnesPage = lazy(() => import('./pages/forces/FiveOnesPage'));
const ForceStatsPage = lazy(() => import('./pages/forces/ForceStatsPage'));
const DutyPage = lazy(() => import('./pages/forces/DutyPage'));
const AssessmentsPage = lazy(() => import('./pages/forces/AssessmentsPage'));
const PairingsPage = lazy(() => import('./pages/forces/PairingsPage'));
const MeasuresPage = lazy(() => import('./pages/forces/MeasuresPage'));

function RequirePerm({ perm, children }: { perm: Permission; children: ReactNode }) {
  const { can } = useAuth();
  return can(perm) ? <>{children}</> : <Forbidden />;
}

export default function App() {
  const { lang } = useI18n();
  dayjs.locale(lang === 'zh' ? 'zh-cn' : 'en');

  return (
    <ConfigProvider locale={lang === 'zh' ? zhCN : enUS} theme={{ token: { borderRadius: 6 } }}>
      <AntApp>
        <BrowserRouter>
          <AuthProvider>
            <Routes>
              <Route path="/login" element={<LoginPage />} />
              <Route
                element={
                  <RequireAuth>
                    <AppLayout />
                  </RequireAuth>
                }
              >
                <Route index element={<HomePage />} />
                <Route
                  path="regions"
                  element={
                    <RequirePerm perm="region.read">
                      <RegionsPage />
                    </RequirePerm>
                  }
                />
                <Route
                  path="regions/:code"
                  element={
                    <RequirePerm perm="region.read">
                      <RegionsPage />
                    </RequirePerm>
                  }
                />
                <Route
                  path="command"
                  element={
                    <RequirePerm perm="command.read">
                      <CommandPage />
                    </RequirePerm>
                  }
                />
                <Route
                  path="users"
                  element={
                    <RequirePerm perm="user.manage">
                      <UsersPage />
                    </RequirePerm>
                  }
                />
                <Route
                  path="audit"
                  element={
                    <RequirePerm perm="audit.read">
                      <AuditPage />
                    </RequirePerm>
                  }
                />
                <Route path="households">
                  <Route
                    index
                    element={
                      <RequirePerm perm="household.read">
                        <HouseholdsPage />
                      </RequirePerm>
                    }
                  />
                  <Route
                    path="new"
                    element={
                      <RequirePerm perm="household.write">
                        <HouseholdFormPage />
                      </RequirePerm>
                    }
                  />
                  <Route
                    path=":id"
                    element={
                      <RequirePerm perm="household.read">
                        <HouseholdDetailPage />
                      </RequirePerm>
                    }
                  />
                  <Route
                    path=":id/edit"
                    element={
                      <RequirePerm perm="household.write">
                        <HouseholdFormPage />
                      </RequirePerm>
                    }
                  />
                </Route>
                <Route
                  path="stats"
                  element={
                    <RequirePerm perm="household.read">
                      <StatsPage />
                    </RequirePerm>
                  }
                />
                <Route
                  path="imports"
                  element={
                    <RequirePerm perm="household.write">
                      <ImportPage />
                    </RequirePerm>
                  }
                />
                <Route
                  path="workflow"
                  element={
                    <RequirePerm perm="household.write">
                      <VillageWorkflowPage />
                    </RequirePerm>
                  }
                />
                <Route
                  path="policy"
                  element={
                    <RequirePerm perm="policy.read">
                      <PolicyPage />
                    </RequirePerm>
                  }
                />
                <Route path="forces">
                  <Route
                    path="cadres"
                    element={
                      <RequirePerm perm="force.read">
                        <CadresPage />
                      </RequirePerm>
                    }
                  />
                  <Route
                    path="cadres/:id"
                    element={
                      <RequirePerm perm="force.read">
                        <CadreDetailPage />
                      </RequirePerm>
                    }
                  />
                  <Route
                    path="teams"
                    element={
                      <RequirePerm perm="force.read">
                        <TeamsPage />
                      </RequirePerm>
                    }
                  />
                  <Route
                    path="duty"
                    element={
                      <RequirePerm perm="force.read">
                        <DutyPage />
                      </RequirePerm>
                    }
                  />
                  <Route
                    path="assessments"
                    element={
                      <RequirePerm perm="force.read">
                        <AssessmentsPage />
                      </RequirePerm>
                    }
                  />
                  <Route
                    path="five-ones"
                    element={
                      <RequirePerm perm="force.read">
                        <FiveOnesPage />
                      </RequirePerm>
                    }
                  />
                  <Route
                    path="pairings"
                    element={
                      <RequirePerm perm="force.read">
                        <PairingsPage />
                      </RequirePerm>
                    }
                  />
                  <Route
                    path="measures"
                    element={
                      <RequirePerm perm="force.read">
                        <MeasuresPage />
                      </RequirePerm>
                    }
                  />
                  <Route
                    path="stats"
                    element={
                      <RequirePerm perm="force.read">
                        <ForceStatsPage />
                      </RequirePerm>
                    }
                  />
                </Route>
                <Route path="password" element={<PasswordPage />} />
                <Route path="*" element={<NotFound />} />
              </Route>
            </Routes>
          </AuthProvider>
        </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  );
}
