#include "domain/invoices/invoice_pdf.hpp"

#include <array>
#include <cstdio>

#include "domain/customers/service.hpp"
#include "domain/invoices/service.hpp"
#include "domain/org/logo.hpp"
#include "domain/org/service.hpp"
#include "render/format.hpp"

namespace bulwark::domain::invoices {

namespace {

using render::Align;
using render::Style;

// 2 -> "2", 1.5 -> "1.5", 1.25 -> "1.25": hours and gallons as entered.
std::string quantity_text(double q) {
  std::array<char, 32> buf{};
  std::snprintf(buf.data(), buf.size(), "%.2f", q);
  std::string s(buf.data());
  while (s.ends_with('0')) s.pop_back();
  if (s.ends_with('.')) s.pop_back();
  return s;
}

std::string status_word(const std::string& status) {
  if (status.empty()) return status;
  std::string s = status;
  s[0] = static_cast<char>(s[0] - ('a' <= s[0] && s[0] <= 'z' ? 'a' - 'A' : 0));
  return s;
}

// 825 -> "8.25%", 1000 -> "10%".
std::string percent_text(std::int64_t bp) {
  std::string s = std::to_string(bp / 100);
  if (bp % 100 != 0) {
    std::array<char, 8> frac{};
    std::snprintf(frac.data(), frac.size(), ".%02lld", static_cast<long long>(bp % 100));
    s += frac.data();
    while (s.ends_with('0')) s.pop_back();
  }
  return s + "%";
}

std::string method_word(const std::string& method) {
  if (method == "check") return "check";
  if (method == "card_external") return "card";
  return "cash";
}

// The buyer: the snapshot frozen when the invoice was opened (it survives
// the customer's purge), else the customer's record as it is now.
InvoiceBuyer buyer_of(store::OrgTx& tx, const InvoiceView& inv) {
  if (inv.billing_snapshot) return *inv.billing_snapshot;
  InvoiceBuyer b;
  b.name = inv.customer_name.value_or("");
  if (inv.customer_id)
    if (auto c = customers::get(tx, *inv.customer_id)) {
      b.name = c->name;
      b.billing_address = c->billing_address;
    }
  return b;
}

// "INV-1042" -> "invoice-1042.pdf".
std::string file_name(const std::string& number) {
  std::string digits;
  for (char c : number)
    if (c >= '0' && c <= '9') digits += c;
  return "invoice-" + (digits.empty() ? std::string("draft") : digits) + ".pdf";
}

}  // namespace

Expected<render::PdfFile, ApiError> invoice_pdf(store::OrgTx& tx, std::int64_t id) {
  auto inv = get(tx, id);
  if (!inv) return unexpected(std::move(inv.error()));
  auto org_settings = org::settings(tx);
  if (!org_settings) return unexpected(std::move(org_settings.error()));
  const auto& org = *org_settings;
  const auto& zone = org.time_zone;
  const auto money = [&](std::int64_t cents) { return render::money(cents, inv->currency); };

  render::Document doc(render::page_size_for_time_zone(zone), "Invoice " + inv->number);
  if (const auto logo = org::logo(tx)) doc.logo(*logo);
  doc.text(org.name, Style::heading);
  doc.title("Invoice " + inv->number);
  std::vector<std::vector<std::string>> facts{
      {"Invoice date", render::long_date(zone, inv->created_at.ms)},
      {"Status", status_word(inv->status)},
      {"Work order", inv->work_order_number}};
  if (inv->paid_at) facts.push_back({"Paid", render::long_date(zone, inv->paid_at->ms)});
  doc.table({{"", 1}, {"", 3}}, facts, {.header = false});

  const auto buyer = buyer_of(tx, *inv);
  doc.text("Bill to", Style::bold);
  doc.text(buyer.name.empty() ? "—" : buyer.name);
  if (!buyer.billing_address.empty()) doc.text(buyer.billing_address);
  doc.space(10);

  std::vector<std::vector<std::string>> lines;
  for (const auto& l : inv->lines) {
    auto description = l.description;
    if (l.tax_name) description += " (" + *l.tax_name + ")";
    lines.push_back(
        {description, quantity_text(l.quantity), money(l.unit_cents), money(l.amount_cents)});
  }
  doc.table({{"Description", 5},
             {"Qty", 1, Align::right},
             {"Unit price", 1.6, Align::right},
             {"Amount", 1.6, Align::right}},
            lines);

  // The totals as GET computes them (totals.hpp): discount, then each rate.
  std::vector<std::vector<std::string>> totals{{"Subtotal", money(inv->subtotal_cents)}};
  if (inv->discount_total_cents > 0) {
    const auto pct = inv->discount_bp > 0 ? " (" + percent_text(inv->discount_bp) + ")" : "";
    totals.push_back({"Discount" + pct, "-" + money(inv->discount_total_cents)});
  }
  for (const auto& t : inv->taxes)
    totals.push_back({t.name + " " + percent_text(t.rate_bp), money(t.tax_cents)});
  const auto total_row = totals.size();
  totals.push_back({"Total", money(inv->total_cents)});
  for (const auto& p : inv->payments) {
    if (p.kind != "charge") continue;
    std::string label = "Payment";
    if (p.method) label += " by " + method_word(*p.method);
    if (p.reference) label += " #" + *p.reference;
    label += p.received_on ? ", " + *p.received_on : ", " + render::long_date(zone, p.at.ms);
    totals.push_back({label, money(p.amount_cents)});
  }
  totals.push_back({"Amount paid", money(inv->paid_cents)});
  if (inv->refunded_cents > 0) totals.push_back({"Refunded", money(inv->refunded_cents)});
  totals.push_back({"Balance due", money(inv->balance_cents)});
  doc.table({{"", 6.4, Align::right}, {"", 1.6, Align::right}}, totals,
            {.header = false, .bold_rows = {total_row, totals.size() - 1}});
  if (inv->due_on) doc.text("Due " + *inv->due_on, Style::bold);
  if (inv->terms) doc.text("Terms: " + *inv->terms);
  if (inv->notes) doc.text(*inv->notes);
  doc.text("Amounts in " + inv->currency + ". Dates in " + zone + ".", Style::small);
  return render::PdfFile{file_name(inv->number), doc.finish()};
}

}  // namespace bulwark::domain::invoices
