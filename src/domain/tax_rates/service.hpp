#pragma once
// The rules for tax rates: owners and admins keep the list; the office
// picks from the active ones on invoice lines.
#include <optional>
#include <string>

#include "audit/actor.hpp"
#include "core/error.hpp"
#include "core/expected.hpp"
#include "domain/tax_rates/model.hpp"
#include "resource/page.hpp"
#include "resource/read.hpp"
#include "store/org_tx.hpp"

namespace bulwark::domain::tax_rates {

template <class T>
using Outcome = Expected<T, ApiError>;
template <class T>
using Checked = Expected<const resource::Read<T>*, ApiError>;

Outcome<resource::Items<TaxRateView>> list(store::OrgTx& tx);
Outcome<TaxRateView> create(store::OrgTx& tx, const audit::Actor& by, const Checked<NewTaxRate>& in,
                            std::int64_t now);
Outcome<TaxRateView> change(store::OrgTx& tx, const audit::Actor& by, std::int64_t id,
                            const Checked<TaxRateChange>& in, std::int64_t now);

// An active rate of the organization, for an invoice line.
std::optional<TaxRateRow> find_active(store::OrgTx& tx, std::int64_t id);
// The active rate a price book tax class maps to, if any.
std::optional<TaxRateRow> for_tax_class(store::OrgTx& tx, const std::string& tax_class);

}  // namespace bulwark::domain::tax_rates
