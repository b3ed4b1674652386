// PostgreSQL through libpq: a fixed pool of connections, statements prepared
// once per connection, text-format parameters. A connection that breaks is
// dropped and the request gets 503; the next request reconnects, so the
// server recovers by itself when PostgreSQL comes back.
#include <libpq-fe.h>

#include <cstdio>
#include <string>
#include <unordered_map>

#include "store/connection_pool.hpp"
#include "store/database.hpp"
#include "store/engines.hpp"

namespace bulwark::store {

namespace {

struct ResultDeleter {
  void operator()(PGresult* r) const { PQclear(r); }
};
using ResultPtr = std::unique_ptr<PGresult, ResultDeleter>;

class PostgresConnection final : public Connection {
 public:
  PostgresConnection(const std::string& url, int connect_timeout_seconds) {
    const std::string timeout = std::to_string(connect_timeout_seconds);
    const char* keys[] = {"dbname", "connect_timeout", "application_name", nullptr};
    const char* values[] = {url.c_str(), timeout.c_str(), "bulwark", nullptr};
    conn_ = PQconnectdbParams(keys, values, /*expand_dbname=*/1);
    if (!conn_ || PQstatus(conn_) != CONNECTION_OK) {
      PQfinish(conn_);
      conn_ = nullptr;
      // Never the URL: it may hold a password.
      throw DatabaseUnavailable("cannot connect to PostgreSQL");
    }
    // Server notices ("relation already exists, skipping") are not ours to print.
    PQsetNoticeProcessor(
        conn_, [](void*, const char*) {}, nullptr);
    execute_script(Sql("SET TIME ZONE 'UTC'"));
  }
  ~PostgresConnection() override { PQfinish(conn_); }

  Engine engine() const override { return Engine::postgres; }
  bool broken() const { return broken_ || !conn_ || PQstatus(conn_) != CONNECTION_OK; }

  Result query(Sql sql, std::span<const Value> params) override {
    Params p(params);
    ResultPtr res(PQexecPrepared(conn_, prepare(sql.text()).c_str(), p.count(), p.values.data(),
                                 nullptr, nullptr, 0));
    return collect(res);
  }

  // Attachment chunks: the bytes as one binary-format parameter after the
  // others (text), so 1 MiB travels as 1 MiB, not as 2 MiB of hex.
  Result query_with_bytes(Sql sql, std::span<const Value> params, std::string_view bytes) override {
    Params p(params);
    p.values.push_back(bytes.data());
    std::vector<int> lengths(p.values.size(), 0), formats(p.values.size(), 0);
    lengths.back() = static_cast<int>(bytes.size());
    formats.back() = 1;
    ResultPtr res(PQexecPrepared(conn_, prepare(sql.text()).c_str(), p.count(), p.values.data(),
                                 lengths.data(), formats.data(), 0));
    return collect(res);
  }

  // The first column of the first row, in binary result format (bytea: the
  // raw bytes).
  std::optional<std::string> query_bytes(Sql sql, std::span<const Value> params) override {
    Params p(params);
    ResultPtr res(PQexecPrepared(conn_, prepare(sql.text()).c_str(), p.count(), p.values.data(),
                                 nullptr, nullptr, 1));
    check(res.get());
    if (PQntuples(res.get()) == 0 || PQnfields(res.get()) == 0 || PQgetisnull(res.get(), 0, 0))
      return std::nullopt;
    return std::string(PQgetvalue(res.get(), 0, 0),
                       static_cast<std::size_t>(PQgetlength(res.get(), 0, 0)));
  }

  void execute_script(Sql sql) override {
    const std::string text(sql.text());
    ResultPtr res(PQexec(conn_, text.c_str()));
    check(res.get());
  }

 private:
  // Parameters in libpq's text format.
  struct Params {
    std::vector<std::string> texts;
    std::vector<const char*> values;
    explicit Params(std::span<const Value> params)
        : texts(params.size()), values(params.size(), nullptr) {
      for (std::size_t i = 0; i < params.size(); ++i) {
        const Value& v = params[i];
        if (std::holds_alternative<std::nullptr_t>(v)) continue;
        if (auto* n = std::get_if<std::int64_t>(&v))
          texts[i] = std::to_string(*n);
        else if (auto* d = std::get_if<double>(&v)) {
          char buf[32];
          std::snprintf(buf, sizeof buf, "%.17g", *d);
          texts[i] = buf;
        } else
          texts[i] = std::get<std::string>(v);
        values[i] = texts[i].c_str();
      }
    }
    int count() const { return static_cast<int>(values.size()); }
  };

  Result collect(const ResultPtr& res) {
    check(res.get());
    Result out;
    if (PQresultStatus(res.get()) == PGRES_TUPLES_OK) {
      const int rows = PQntuples(res.get()), cols = PQnfields(res.get());
      out.columns.reserve(static_cast<std::size_t>(cols));
      for (int c = 0; c < cols; ++c) out.columns.emplace_back(PQfname(res.get(), c));
      out.rows.reserve(rows);
      for (int r = 0; r < rows; ++r) {
        std::vector<std::optional<std::string>> row;
        row.reserve(cols);
        for (int c = 0; c < cols; ++c) {
          if (PQgetisnull(res.get(), r, c))
            row.emplace_back(std::nullopt);
          else
            row.emplace_back(std::string(PQgetvalue(res.get(), r, c),
                                         static_cast<std::size_t>(PQgetlength(res.get(), r, c))));
        }
        out.rows.emplace_back(std::move(row));
      }
    }
    const char* affected = PQcmdTuples(res.get());
    out.affected = affected && *affected ? std::stoll(affected) : 0;
    return out;
  }

  const std::string& prepare(std::string_view text) {
    if (auto it = names_.find(text); it != names_.end()) return it->second;
    std::string name = "s" + std::to_string(names_.size() + 1);
    const std::string sql(text);
    ResultPtr res(PQprepare(conn_, name.c_str(), sql.c_str(), 0, nullptr));
    check(res.get());
    return names_.emplace(text, std::move(name)).first->second;
  }

  void check(PGresult* res) {
    const auto status = res ? PQresultStatus(res) : PGRES_FATAL_ERROR;
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return;
    const char* state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : nullptr;
    const std::string sqlstate = state ? state : "";
    if (PQstatus(conn_) != CONNECTION_OK || sqlstate.starts_with("08") ||
        sqlstate.starts_with("57P")) {
      broken_ = true;
      throw DatabaseUnavailable("the connection to PostgreSQL was lost");
    }
    // The primary message names constraints and columns; DETAIL (which
    // quotes values) is deliberately left out.
    const char* primary = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
    std::string message = "postgres " + sqlstate + ": " + (primary ? primary : "unknown error");
    if (sqlstate.starts_with("23")) throw ConstraintViolation(message);
    if (sqlstate == "40001" || sqlstate == "40P01" || sqlstate == "55P03")
      throw DatabaseUnavailable("the database is busy");
    throw std::runtime_error(message);
  }

  PGconn* conn_ = nullptr;
  bool broken_ = false;
  std::unordered_map<std::string_view, std::string> names_;
};

class PostgresDatabase final : public Database {
 public:
  explicit PostgresDatabase(const DatabaseOptions& o)
      : pool_(o.pool_size, o.acquire_timeout, [url = o.url, t = o.connect_timeout_seconds] {
          return std::make_unique<PostgresConnection>(url, t);
        }) {
    with_connection([](Connection&) {});
  }

  Engine engine() const override { return Engine::postgres; }

  void transaction(const std::function<void(Connection&)>& work) override {
    pool_.use(
        [&](PostgresConnection& c) {
          c.set_field_sealer(field_sealer());
          c.execute_script(Sql("BEGIN"));
          try {
            work(c);
            c.execute_script(Sql("COMMIT"));
          } catch (...) {
            if (!c.broken()) {
              try {
                c.execute_script(Sql("ROLLBACK"));
              } catch (...) {
              }
            }
            throw;
          }
        },
        [](PostgresConnection& c) { return c.broken(); });
  }

  void with_connection(const std::function<void(Connection&)>& work) override {
    pool_.use(
        [&](PostgresConnection& c) {
          c.set_field_sealer(field_sealer());
          work(c);
        },
        [](PostgresConnection& c) { return c.broken(); });
  }

 private:
  ConnectionPool<PostgresConnection> pool_;
};

}  // namespace

std::unique_ptr<Database> open_postgres(const DatabaseOptions& options) {
  return std::make_unique<PostgresDatabase>(options);
}

}  // namespace bulwark::store
