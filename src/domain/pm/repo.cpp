#include "domain/pm/repo.hpp"

#include "resource/columns.hpp"

namespace bulwark::domain::pm::repo {

namespace {

using store::OrgSql;

#define PM_SELECT                                                                             \
  "SELECT p.id, p.site_id, p.asset_id, p.title, p.priority, p.assignee_id, p.interval_unit, " \
  "p.interval_value, p.meter_kind, p.lead_days, p.next_due_at, p.next_meter_value, "          \
  "p.active, p.checklist_template_id, p.estimated_minutes, s.name AS site_name, "             \
  "a.name AS asset_name, COALESCE(NULLIF(u.name, ''), u.email) AS assignee_name, "            \
  "t.name AS checklist_template_name "                                                        \
  "FROM pm_schedules p LEFT JOIN sites s ON s.org_id = $1 AND s.id = p.site_id "              \
  "LEFT JOIN assets a ON a.org_id = $1 AND a.id = p.asset_id "                                \
  "LEFT JOIN users u ON u.org_id = $1 AND u.id = p.assignee_id "                              \
  "LEFT JOIN checklist_templates t ON t.org_id = $1 AND t.id = p.checklist_template_id "
constexpr OrgSql kSelectOne(PM_SELECT "WHERE p.org_id = $1 AND p.id = $2");
constexpr OrgSql kList(PM_SELECT "WHERE p.org_id = $1 ORDER BY p.id LIMIT 500");
#undef PM_SELECT

constexpr OrgSql kSiteExists("SELECT 1 AS found FROM sites WHERE org_id = $1 AND id = $2");
constexpr OrgSql kAssetAtSite(
    "SELECT 1 AS found FROM assets WHERE org_id = $1 AND id = $2 AND site_id = $3");
constexpr OrgSql kActiveUser(
    "SELECT 1 AS found FROM users WHERE org_id = $1 AND id = $2 AND active = 1");
constexpr OrgSql kTemplateExists(
    "SELECT 1 AS found FROM checklist_templates WHERE org_id = $1 AND id = $2");
constexpr OrgSql kInsert(
    "INSERT INTO pm_schedules (org_id, site_id, asset_id, title, priority, assignee_id, "
    "interval_unit, interval_value, meter_kind, lead_days, next_due_at, next_meter_value, "
    "created_at, checklist_template_id, estimated_minutes) VALUES ($1, $2, $3, $4, $5, $6, $7, "
    "$8, $9, $10, $11, $12, $13, $14, $15) RETURNING id");
constexpr OrgSql kUpdate(
    "UPDATE pm_schedules SET active = COALESCE($3, active), title = COALESCE($4, title), "
    "priority = COALESCE($5, priority), assignee_id = COALESCE($6, assignee_id), "
    "lead_days = COALESCE($7, lead_days), "
    "checklist_template_id = CASE WHEN $10 = 1 THEN NULL "
    "ELSE COALESCE($8, checklist_template_id) END, "
    "estimated_minutes = CASE WHEN $11 = 1 THEN NULL ELSE COALESCE($9, estimated_minutes) END "
    "WHERE org_id = $1 AND id = $2");

struct Returned {
  std::int64_t id = 0;
};
BOOST_DESCRIBE_STRUCT(Returned, (), (id))

}  // namespace

std::optional<PmSchedule> find(store::OrgTx& tx, std::int64_t id) {
  return tx.one<PmSchedule>(kSelectOne, id);
}

std::vector<PmSchedule> list(store::OrgTx& tx) { return tx.all<PmSchedule>(kList); }

bool site_exists(store::OrgTx& tx, std::int64_t site) { return !tx.run(kSiteExists, site).empty(); }

bool asset_at_site(store::OrgTx& tx, std::int64_t asset, std::int64_t site) {
  return !tx.run(kAssetAtSite, asset, site).empty();
}

bool active_user(store::OrgTx& tx, std::int64_t user) { return !tx.run(kActiveUser, user).empty(); }

bool template_exists(store::OrgTx& tx, std::int64_t id) {
  return !tx.run(kTemplateExists, id).empty();
}

std::int64_t insert(store::OrgTx& tx, const NewPmSchedule& s, std::optional<std::int64_t> first_due,
                    std::int64_t now) {
  std::optional<double> first_meter;
  if (s.first_meter_value) first_meter = static_cast<double>(s.first_meter_value->value);
  const auto priority = s.priority ? s.priority->value : std::string("medium");
  const std::int64_t lead_days = s.lead_days ? s.lead_days->value : 14;
  return tx
      .one<Returned>(kInsert, s.site_id, s.asset_id, s.title, priority, s.assignee_id,
                     s.interval_unit, s.interval_value, s.meter_kind, lead_days, first_due,
                     first_meter, now, s.checklist_template_id, s.estimated_minutes)
      .value()
      .id;
}

void update(store::OrgTx& tx, std::int64_t id, const PmScheduleChange& c) {
  // A Patch: absent leaves the column, null ($10/$11 = 1) clears it.
  tx.run(kUpdate, id, c.active, c.title, c.priority, c.assignee_id, c.lead_days,
         c.checklist_template_id.if_set(), c.estimated_minutes.if_set(),
         std::int64_t{c.checklist_template_id.cleared() ? 1 : 0},
         std::int64_t{c.estimated_minutes.cleared() ? 1 : 0});
}

}  // namespace bulwark::domain::pm::repo
