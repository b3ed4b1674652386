#pragma once
// Migration 0001 for both engines: organizations (tenants).
namespace bulwark::store::schema {

inline constexpr char kOrgsSqlite[] = R"sql(
CREATE TABLE orgs (
  id INTEGER PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
)sql";

inline constexpr char kOrgsPostgres[] = R"sql(
CREATE TABLE orgs (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
)sql";

}  // namespace bulwark::store::schema
