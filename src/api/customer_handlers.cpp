#include "api/customer_handlers.hpp"

#include "api/query_params.hpp"
#include "domain/customers/blind.hpp"
#include "domain/customers/service.hpp"
#include "domain/customers/site_edit.hpp"
#include "domain/phone.hpp"

namespace bulwark::api {

namespace customers = domain::customers;
using store::OrgTx;

namespace {

// ?opted_out=true|false and ?deleted=true|false.
Result<std::optional<bool>> flag(const QueryParams& q, const std::string& name) {
  auto v = q.text(name, 5);
  if (!v) return std::optional<bool>{};
  if (*v == "true") return std::optional<bool>{true};
  if (*v == "false") return std::optional<bool>{false};
  return unexpected(ApiError(ErrorCode::validation_failed, "bad flag", "invalid_parameter",
                             {{name, "must be true or false"}}));
}

// Gate codes and similar access notes: dispatchers and above only.
bool sees_access_notes(const Ctx& ctx) {
  return security::role_rank(ctx.who().role) >= security::role_rank(security::Role::dispatcher);
}

}  // namespace

Result<Page<customers::CustomerView>> list_customers(Ctx& ctx) {
  QueryParams q(ctx.request.query);
  q.allow_only({"q", "opted_out", "deleted", "sort", "limit", "cursor"});
  customers::CustomerQuery query;
  query.limit = q.integer("limit", 1, 200).value_or(50);
  // Newest first only: names are sealed, so nothing orders by them.
  if (q.text("sort", 20).value_or("newest") != "newest")
    return unexpected(ApiError(ErrorCode::validation_failed, "unknown sort", "invalid_parameter",
                               {{"sort", "must be newest"}}));
  BULWARK_TRY(query.opted_out, flag(q, "opted_out"));
  BULWARK_TRY(const auto deleted, flag(q, "deleted"));
  query.deleted = deleted.value_or(false);
  // A phone number in any format, else an email address, else name words
  // (exact matches through blind indexes: no fragments).
  if (const auto search = q.text("q", 200)) {
    if (auto phone = domain::normalize_phone(*search))
      query.phone = std::move(phone);
    else if (search->find('@') != std::string::npos)
      query.email = *search;
    else
      query.name_words = customers::name_words(*search);
    // Nothing searchable typed (only punctuation, "%"): nothing matches.
    if (!query.phone && !query.email && query.name_words.empty())
      return Page<customers::CustomerView>{};
  }
  query.cursor = q.text("cursor", 600);
  return read_org(ctx, [&](OrgTx& tx) { return customers::list(tx, query); });
}

Result<Created<customers::CustomerView>> create_customer(Ctx& ctx,
                                                         Body<customers::NewCustomer> in) {
  return created(
      in_org(ctx, [&](OrgTx& tx) { return customers::create(tx, ctx.actor(), in, ctx.now_ms()); }));
}

Result<customers::CustomerView> get_customer(Ctx& ctx, PathId id) {
  return read_org(ctx, [&](OrgTx& tx) { return customers::get(tx, id); });
}

Result<customers::CustomerView> update_customer(Ctx& ctx, PathId id,
                                                LateBody<customers::CustomerChange> in) {
  return in_org(ctx, [&](OrgTx& tx) {
    return customers::change(tx, ctx.actor(), id, in.checked(), ctx.now_ms());
  });
}

Result<NoContent> delete_customer(Ctx& ctx, PathId id) {
  return no_content(
      in_org(ctx, [&](OrgTx& tx) { return customers::remove(tx, ctx.actor(), id, ctx.now_ms()); }));
}

Result<customers::CustomerView> restore_customer(Ctx& ctx, PathId id) {
  return in_org(ctx,
                [&](OrgTx& tx) { return customers::restore(tx, ctx.actor(), id, ctx.now_ms()); });
}

Result<Items<customers::SiteView>> list_sites(Ctx& ctx, PathId customer) {
  return read_org(
      ctx, [&](OrgTx& tx) { return customers::sites(tx, customer, sees_access_notes(ctx)); });
}

Result<Created<customers::SiteView>> create_site(Ctx& ctx, PathId customer,
                                                 LateBody<customers::NewSite> in) {
  return created(in_org(ctx, [&](OrgTx& tx) {
    return customers::add_site(tx, ctx.actor(), customer, in.checked(), sees_access_notes(ctx),
                               ctx.now_ms());
  }));
}

Result<customers::SiteView> update_site(Ctx& ctx, PathId site, LateBody<customers::SiteChange> in) {
  return in_org(ctx, [&](OrgTx& tx) {
    return customers::update_site(tx, ctx.actor(), site, in.checked(), ctx.now_ms());
  });
}

}  // namespace bulwark::api
