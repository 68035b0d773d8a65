/**
 * The page of the web app a notification's link (an API-style path) opens; null when there is none to open. Kept in
 * one place so every server link has its screen or is known to have none.
 */
const ROUTES: Array<[RegExp, (id: string) => string]> = [
  [/^\/crisis-cases\/([\w-]+)$/, (id) => `/staff/cases/${id}`],
  [/^\/referrals\/([\w-]+)$/, (id) => `/staff/referrals/${id}`],
  [/^\/desk\/requests\/([\w-]+)$/, (id) => `/staff/desk/${id}`],
  [/^\/eap\/contracts\/([\w-]+)$/, (id) => `/admin/contracts/${id}`],
  [/^\/admin\/eap\/webhook-endpoints\/([\w-]+)$/, (id) => `/admin/eap/webhook-endpoints/${id}`],
  [/^\/counselling\/appointments\/([\w-]+)$/, () => '/staff/calendar'],
  [/^\/risk-alerts\/([\w-]+)$/, () => '/staff/crisis'],
  [/^\/me\/requests\/([\w-]+)$/, (id) => `/me/requests/${id}`],
  [/^\/me\/counselling\/appointments\/([\w-]+)$/, () => '/me/counselling'],
  [/^\/me\/groups\/([\w-]+)$/, () => '/me/groups'],
  [/^\/me\/campaigns\/([\w-]+)$/, () => '/me/assessments'],
  [/^\/me\/events\/([\w-]+)$/, () => '/me/learning'],
  [/^\/groups\/([\w-]+)\/members$/, () => '/staff/programmes'],
];

export function notificationRoute(link: string | null | undefined): string | null {
  if (!link) return null;
  for (const [pattern, route] of ROUTES) {
    const match = pattern.exec(link);
    if (match) return route(match[1]);
  }
  return null;
}
