// Every page of the web app (mirrors src/routes.tsx, with sample ids).
export const APP_PAGES = [
  '/',
  '/dashboard',
  '/my-day',
  '/work-orders',
  '/work-orders/board',
  '/work-orders/new',
  '/work-orders/1',
  '/dispatch',
  '/messages',
  '/customers',
  '/customers/1',
  '/assets',
  '/assets/1',
  '/pm-checklists',
  '/invoices',
  '/invoices/1',
  '/admin/users',
  '/admin/messaging',
  '/admin/organization',
  '/admin/audit',
  '/my-requests',
  '/my-requests/new',
  '/account',
];

/**
 * The API routes of src/api/routes.cpp, as a floor: the OpenAPI document
 * (generated from the same table) must list at least these, so a broken
 * document cannot make the "every route needs a session" test vacuous.
 */
export const KNOWN_API_ROUTES: [string, string][] = [
  ['POST', '/api/v1/auth/logout'],
  ['GET', '/api/v1/auth/me'],
  ['POST', '/api/v1/auth/password'],
  ['GET', '/api/v1/users'],
  ['POST', '/api/v1/users'],
  ['PATCH', '/api/v1/users/{id}'],
  ['POST', '/api/v1/users/{id}/revoke-sessions'],
  ['POST', '/api/v1/org/revoke-sessions'],
  ['GET', '/api/v1/org'],
  ['PATCH', '/api/v1/org'],
  ['GET', '/api/v1/org/sso'],
  ['PUT', '/api/v1/org/sso'],
  ['GET', '/api/v1/audit'],
  ['GET', '/api/v1/openapi.json'],
  ['GET', '/api/v1/customers'],
  ['POST', '/api/v1/customers'],
  ['GET', '/api/v1/customers/{id}'],
  ['PATCH', '/api/v1/customers/{id}'],
  ['DELETE', '/api/v1/customers/{id}'],
  ['POST', '/api/v1/customers/{id}/restore'],
  ['GET', '/api/v1/customers/{id}/sites'],
  ['POST', '/api/v1/customers/{id}/sites'],
  ['GET', '/api/v1/sites/{id}/assets'],
  ['POST', '/api/v1/sites/{id}/assets'],
  ['GET', '/api/v1/assets/{id}'],
  ['GET', '/api/v1/assets/{id}/readings'],
  ['POST', '/api/v1/assets/{id}/readings'],
  ['GET', '/api/v1/work-orders'],
  ['POST', '/api/v1/work-orders'],
  ['GET', '/api/v1/work-orders/{id}'],
  ['PATCH', '/api/v1/work-orders/{id}'],
  ['POST', '/api/v1/work-orders/{id}/transition'],
  ['GET', '/api/v1/work-orders/{id}/history'],
  ['GET', '/api/v1/work-orders/{id}/details'],
  ['POST', '/api/v1/work-orders/{id}/comments'],
  ['POST', '/api/v1/work-orders/{id}/checklist'],
  ['PATCH', '/api/v1/work-orders/{id}/checklist/{item}'],
  ['POST', '/api/v1/work-orders/{id}/time'],
  ['POST', '/api/v1/work-orders/{id}/parts'],
  ['PATCH', '/api/v1/work-orders/{id}/parts/{part}'],
  ['GET', '/api/v1/dispatch/my-day'],
  ['GET', '/api/v1/dispatch/week'],
  ['GET', '/api/v1/pm-schedules'],
  ['POST', '/api/v1/pm-schedules'],
  ['GET', '/api/v1/pm-checklists'],
  ['POST', '/api/v1/pm-checklists'],
  ['PATCH', '/api/v1/pm-checklists/{id}'],
  ['DELETE', '/api/v1/pm-checklists/{id}'],
  ['POST', '/api/v1/pm-checklists/{id}/items'],
  ['DELETE', '/api/v1/pm-checklists/{id}/items/{item}'],
  ['POST', '/api/v1/work-orders/{id}/invoice'],
  ['GET', '/api/v1/invoices'],
  ['GET', '/api/v1/invoices/{id}'],
  ['POST', '/api/v1/invoices/{id}/status'],
  ['GET', '/api/v1/metrics/business'],
  ['POST', '/api/v1/invoices/{id}/payment-link'],
  ['GET', '/api/v1/org/sms'],
  ['POST', '/api/v1/org/sms/request'],
  ['GET', '/api/v1/sms-templates'],
  ['PUT', '/api/v1/sms-templates/{kind}'],
  ['GET', '/api/v1/customers/{id}/messages'],
  ['POST', '/api/v1/customers/{id}/messages'],
  ['GET', '/api/v1/messages'],
  ['POST', '/api/v1/work-orders/{id}/on-the-way'],
];

/** "/x/{id:int}/y/{item}" -> "/x/1/y/1" */
export function samplePath(template: string): string {
  return template.replace(/\{[^}]+\}/g, '1');
}

/** Normalizes "{id:int}" to "{id}" so OpenAPI and our list compare equal. */
export function normalizeTemplate(template: string): string {
  return template.replace(/\{([a-z_]+)(:[a-z]+)?\}/g, '{$1}');
}
