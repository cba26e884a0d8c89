import { useStore } from "@nanostores/preact";
import { useEffect } from "preact/hooks";
import { $locale, $t, setLocale } from "../i18n/index.ts";
import { $page, goTo, type Page, pages } from "../stores/route.ts";
import { $session, loadSession, signOut } from "../stores/session.ts";
import { AnalyticsPage } from "./analytics.tsx";
import { CustomersPage } from "./customers.tsx";
import { InstallPage } from "./install.tsx";
import { ProgramEditor } from "./program-editor.tsx";
import { SignIn } from "./sign-in.tsx";
import { ThemeEditor } from "./theme-editor.tsx";

const navKey = { theme: "navTheme", program: "navProgram", customers: "navCustomers", install: "navInstall", analytics: "navAnalytics" } as const;
const views: Record<Page, () => preact.JSX.Element> = {
  theme: ThemeEditor,
  program: ProgramEditor,
  customers: CustomersPage,
  install: InstallPage,
  analytics: AnalyticsPage,
};

/** The console's shell: skip link, header with navigation, language and sign-out, and the current page. */
export function App() {
  const t = useStore($t);
  const locale = useStore($locale);
  const session = useStore($session);
  const page = useStore($page);
  useEffect(() => {
    document.documentElement.lang = locale;
    if ($session.get() === undefined) void loadSession();
  }, [locale]);
  if (session === undefined) return <p class="loading">{t("loading")}</p>;
  const View = views[page];
  return (
    <>
      <a class="skip" href="#content">
        {t("skipToContent")}
      </a>
      {/* Named landmarks: the theme page's preview frame holds a sample shop page with its own unnamed banner and main. */}
      {/* biome-ignore lint/a11y/useAriaPropsSupportedByRole: a <header> directly in <body> is the banner landmark, which takes a name */}
      <header class="top" aria-label={t("appName")}>
        <span class="brand">{t("appName")}</span>
        {session && <span class="shop-name">{session.shop?.name}</span>}
        <label class="locale">
          {t("language")}{" "}
          <select value={locale} onChange={(event) => setLocale(event.currentTarget.value === "en" ? "en" : "es")}>
            <option value="es">Español</option>
            <option value="en">English</option>
          </select>
        </label>
        {session && (
          <button type="button" onClick={() => void signOut()}>
            {t("signOut")}
          </button>
        )}
      </header>
      {session ? (
        <div class="layout">
          <nav aria-label={t("appName")}>
            <ul>
              {pages.map((name) => (
                <li key={name}>
                  <a
                    href={`#${name}`}
                    aria-current={name === page ? "page" : undefined}
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
          <main id="content" tabIndex={-1} aria-label={t(navKey[page])}>
            <View />
          </main>
        </div>
      ) : (
        <SignIn />
      )}
    </>
  );
}
