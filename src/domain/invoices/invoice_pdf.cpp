#include "domain/invoices/invoice_pdf.hpp"

#include <array>
#include <cstdio>

#include "domain/customers/service.hpp"
#include "domain/invoices/service.hpp"
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
  std::int64_t subtotal = 0;
  for (const auto& l : inv->lines) {
    lines.push_back(
        {l.description, quantity_text(l.quantity), money(l.unit_cents), money(l.amount_cents)});
    subtotal += l.amount_cents;
  }
  doc.table({{"Description", 5},
             {"Qty", 1, Align::right},
             {"Unit price", 1.6, Align::right},
             {"Amount", 1.6, Align::right}},
            lines);

  // Tax: what the total holds beyond the lines (zero until tax rates exist).
  std::vector<std::vector<std::string>> totals{{"Subtotal", money(subtotal)},
                                               {"Tax", money(inv->total_cents - subtotal)},
                                               {"Total", money(inv->total_cents)},
                                               {"Amount paid", money(inv->paid_cents)}};
  if (inv->refunded_cents > 0) totals.push_back({"Refunded", money(inv->refunded_cents)});
  totals.push_back({"Balance due", money(inv->balance_cents)});
  doc.table({{"", 6.4, Align::right}, {"", 1.6, Align::right}}, totals,
            {.header = false, .bold_rows = {2, totals.size() - 1}});
  doc.text("Amounts in " + inv->currency + ". Dates in " + zone + ".", Style::small);
  return render::PdfFile{file_name(inv->number), doc.finish()};
}

}  // namespace bulwark::domain::invoices
