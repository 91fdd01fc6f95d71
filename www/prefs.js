// The user's display preferences, kept in localStorage (they are about this browser, not
// about a view, so links do not carry them): UI language and theme.
//
// localStorage keys, version 1 (values are plain strings):
//   "qarin.v1.ui"     "en" | "ar"        the UI language; unset: the browser's language
//   "qarin.v1.theme"  "light" | "dark"   unset: the system's colour scheme

const UI_KEY = 'qarin.v1.ui';
const THEME_KEY = 'qarin.v1.theme';

function read(key) {
  try {
    return localStorage.getItem(key);
  } catch {
    return null; // storage disabled: preferences last for the tab only
  }
}

function write(key, value) {
  try {
    localStorage.setItem(key, value);
  } catch {
    // storage disabled or full: the preference still applies to this tab
  }
}

/** The UI language to start with: the saved choice, else Arabic for an Arabic browser. */
export function initialUiLang() {
  const saved = read(UI_KEY);
  if (saved === 'en' || saved === 'ar') return saved;
  return (navigator.languages ?? [navigator.language]).some((l) => /^ar\b/i.test(l ?? '')) ? 'ar' : 'en';
}

export function saveUiLang(lang) {
  write(UI_KEY, lang);
}

/** The theme to start with: the saved choice, else the system's. */
export function initialTheme() {
  const saved = read(THEME_KEY);
  if (saved === 'light' || saved === 'dark') return saved;
  return matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export function saveTheme(theme) {
  write(THEME_KEY, theme);
}
