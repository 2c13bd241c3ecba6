import type { AssetLookupQuery, LookupAsset } from '@steward/shared';
import type { Queryable } from '../store/database.js';
import { assignmentsOfAssets, liveAlertsAbout, lookupAssets } from '../store/alerts/lookup.js';
import { openTicketsAbout } from '../store/alerts/tickets.js';
import { daysBetween, isoDay } from '../alerts/rules/calendar-days.js';

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

/**
 * What a helpdesk sees when it looks an asset up by tag, serial, host name or holder: the asset,
 * who has had it, its warranty, and the tickets and alerts open about it.
 */
export async function lookUpAssets(db: Queryable, q: AssetLookupQuery, now = new Date()): Promise<{ items: LookupAsset[] }> {
  const assets = await lookupAssets(db, q);
  if (assets.length === 0) return { items: [] };
  const assetIds = assets.map((a) => a.id);
  const deviceIds = assets.map((a) => a.device_id).filter((id): id is string => Boolean(id));
  const [assignments, tickets, alerts] = await Promise.all([
    assignmentsOfAssets(db, assetIds),
    openTicketsAbout(db, assetIds, deviceIds),
    liveAlertsAbout(db, [...assetIds, ...deviceIds]),
  ]);
  const today = isoDay(now);
  return {
    items: assets.map((a) => {
      const about = new Set([a.id, ...(a.device_id ? [a.device_id] : [])]);
      const current = assignments.find((g) => g.asset_id === a.id && !g.checked_in_at);
      const daysLeft = a.warranty_expires ? daysBetween(today, a.warranty_expires) : null;
      return {
        id: a.id, tag: a.tag, name: a.name, status: a.status, serial: a.serial, category: a.category, model: a.model,
        manufacturer: a.manufacturer, location: a.location, department: a.department, hostname: a.hostname,
        assignedTo: a.assigned_type && a.assigned_id
          ? { type: a.assigned_type, id: a.assigned_id, name: a.assigned_name ?? '', since: iso(current?.checked_out_at ?? null), expectedReturn: a.expected_return }
          : null,
        assignments: assignments.filter((g) => g.asset_id === a.id).map((g) => ({
          targetType: g.target_type, targetName: g.target_name ?? '', checkedOutAt: iso(g.checked_out_at)!, checkedInAt: iso(g.checked_in_at),
        })),
        warranty: { expires: a.warranty_expires, active: daysLeft === null ? null : daysLeft >= 0, daysLeft },
        openTickets: tickets.filter((t) => (t.asset_id && about.has(t.asset_id)) || (t.device_id && about.has(t.device_id))).map((t) => ({
          system: t.kind, integrationName: t.integration_name, externalKey: t.external_key, url: t.url, about: t.about, openedAt: iso(t.opened_at)!,
        })),
        openAlerts: alerts.filter((x) => about.has(x.subject_id)).map((x) => ({ id: x.id, kind: x.kind as LookupAsset['openAlerts'][number]['kind'], severity: x.severity as LookupAsset['openAlerts'][number]['severity'], summary: x.summary })),
      };
    }),
  };
}
