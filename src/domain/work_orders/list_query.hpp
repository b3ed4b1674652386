#pragma once
// GET /api/v1/work-orders: what a list asks for. Filters narrow the rows; a
// sort orders them by one key with the id as tie-breaker, and the keyset
// cursor carries both (key, id) so a page boundary inside a run of equal
// keys (ten jobs due the same minute) neither repeats nor skips a row.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "resource/fields.hpp"

namespace bulwark::domain::work_orders {

// newest: the id, newest first (the list's default since the beginning).
// due and scheduled: due_at / scheduled_start, work without one last in both
// directions (scheduled ascending is a technician's "upcoming first"); priority and
// status: their rank (low < urgent; open < ... < cancelled), not their text.
enum class ListSort { newest, due, created, priority, number, status, scheduled };

// "due" -> ListSort::due; none for a name the API does not know.
std::optional<ListSort> parse_list_sort(std::string_view name);
std::string_view list_sort_name(ListSort s);

// status=active: every work order still to be done (not completed, closed or
// cancelled), what the dashboard counts as open work.
inline constexpr std::string_view kActiveStatus = "active";

struct WorkOrderQuery {
  std::optional<std::string> status, priority;
  std::optional<std::int64_t> assignee_id, customer_id, site_id, asset_id;
  std::optional<resource::Time> from, to;   // scheduled_start in [from, to)
  std::optional<std::string> like;          // "%term%" on the title (descriptions are sealed)
  std::vector<std::string> customer_words;  // the customer's name: words or prefixes (tokens)
  std::optional<std::int64_t> number;       // "1042" or "WO-1042"
  // Overdue at this instant: due before it and not completed, closed or cancelled.
  std::optional<std::int64_t> overdue_at;
  // Due on or after / on or before these local dates (the organization's
  // zone); the service turns them into due_from / due_until instants.
  std::optional<std::chrono::year_month_day> due_after, due_before;
  std::optional<std::int64_t> due_from, due_until;  // due_at in [due_from, due_until)
  ListSort sort = ListSort::newest;
  bool ascending = false;
  // The keyset: the last row's id, and for a sort other than newest its key.
  std::optional<std::int64_t> cursor, cursor_key;
  std::int64_t limit = 50;
};

// The next page's cursor after a row with this key and id: "1042" for the
// newest-first list (what it always sent), "due.asc.<key>.<id>" for a sort,
// so a cursor handed back with another sort is refused, not misread.
std::string list_cursor(const WorkOrderQuery& q, std::int64_t key, std::int64_t id);
// Sets q.cursor (and q.cursor_key) from `text`; false when it is not a
// cursor of q's sort and direction.
bool read_list_cursor(std::string_view text, WorkOrderQuery& q);

}  // namespace bulwark::domain::work_orders
