import { useStore } from "@nanostores/preact";
import { useEffect } from "preact/hooks";
import { $locale, $t, setLocale } from "../i18n/index.ts";
import { $route, goTo, linkToken, type Page, pages } from "../stores/route.ts";
import { $session, chooseShop, loadSession, signOut } from "../stores/session.ts";
import { AccountPage } from "./account.tsx";
import { AnalyticsPage } from "./analytics.tsx";
import { AuditPage } from "./audit.tsx";
import { CustomersPage } from "./customers.tsx";
import { FeedbackPage } from "./feedback.tsx";
import { ImportPage } from "./imports.tsx";
import { InstallPage } from "./install.tsx";
import { ProgramEditor } from "./program-editor.tsx";
import { LinkPage, ShopPicker, SignIn } from "./sign-in.tsx";
import { TeamPage } from "./team.tsx";
import { ThemeEditor } from "./theme-editor.tsx";
import { WebhooksPage } from "./webhooks.tsx";

const navKey = {
  theme: "navTheme",
  program: "navProgram",
  customers: "navCustomers",
  feedback: "navFeedback",
  analytics: "navAnalytics",
  install: "navInstall",
  webhooks: "navWebhooks",
  imports: "navImports",
  team: "navTeam",
  audit: "navAudit",
  account: "navAccount",
} as const;
const views: Record<Page, () => preact.JSX.Element> = {
  theme: ThemeEditor,
  program: ProgramEditor,
  customers: CustomersPage,
  feedback: FeedbackPage,
  analytics: AnalyticsPage,
  install: InstallPage,
  webhooks: WebhooksPage,
  imports: ImportPage,
  team: TeamPage,
  audit: AuditPage,
  account: AccountPage,
};

/** The shop being worked on: a menu to switch when the marketer has several. */
function ShopSwitcher() {
  const t = useStore($t);
  const session = useStore($session);
  if (!session?.shop) return null;
  if (session.shops.length < 2) return <span class="shop-name">{session.shop.name}</span>;
  return (
    <label class="shop-name">
      <span class="visually-hidden">{t("shop")} </span>
      <select value={session.shop.id} onChange={(event) => void chooseShop(event.currentTarget.value)}>
        {session.shops.map((shop) => (
          <option key={shop.id} value={shop.id}>
            {shop.name}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The console's shell: skip link, header with the shop, language and sign-out, the navigation, and the current page. */
export function App() {
  const t = useStore($t);
  const locale = useStore($locale);
  const session = useStore($session);
  const route = useStore($route);
  const token = linkToken();
  useEffect(() => {
    document.documentElement.lang = locale;
    if ($session.get() === undefined && !token) void loadSession();
  }, [locale]);
  useEffect(() => {
    document.title = `${session?.shop ? `${t(navKey[route.page])} · ${session.shop.name} · ` : ""}${t("appName")}`;
  }, [session, route.page, locale]);
  if (session === undefined && !token) return <p class="loading">{t("loading")}</p>;
  const View = views[route.page];
  return (
    <>
      <a class="skip" href="#content">
        {t("skipToContent")}
      </a>
      {/* Named landmarks: the preview frame holds a sample shop page with its own unnamed banner and main. */}
      {/* biome-ignore lint/a11y/useAriaPropsSupportedByRole: a <header> directly in <body> is the banner landmark, which takes a name */}
      <header class="top" aria-label={t("appName")}>
        <span class="brand">{t("appName")}</span>
        <ShopSwitcher />
        {session?.role && <span class="role">{t(`role_${session.role}`)}</span>}
        <label class="locale">
          {t("language")}{" "}
          <select value={locale} onChange={(event) => setLocale(event.currentTarget.value === "en" ? "en" : "es")}>
            <option value="es" lang="es">
              Español
            </option>
            <option value="en" lang="en">
              English
            </option>
          </select>
        </label>
        {session && (
          <button type="button" onClick={() => void signOut()}>
            {t("signOut")}
          </button>
        )}
      </header>
      {token ? (
        <LinkPage token={token} />
      ) : !session ? (
        <SignIn />
      ) : !session.shop ? (
        <ShopPicker />
      ) : (
        <div class="layout">
          <nav aria-label={t("appName")} class="main-nav">
            <ul>
              {pages.map((name) => (
                <li key={name}>
                  <a
                    href={`#${name}`}
                    aria-current={name === route.page ? "page" : undefined}
                    onClick={(event) => {
                      event.preventDefault();
                      goTo(name);
                    }}
                  >
                    {t(navKey[name])}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <main id="content" tabIndex={-1} aria-label={t(navKey[route.page])}>
            <View />
          </main>
        </div>
      )}
    </>
  );
}
