// MUST-002: this file must NOT compile. SQL assembled at run time (here from
// user input) cannot become a store::Sql, so it cannot reach the database.
#include <string>

#include "store/sql.hpp"

bulwark::store::Sql build(const std::string& user_input) {
  std::string text = "SELECT * FROM users WHERE email = '" + user_input + "'";
  return bulwark::store::Sql(text.c_str());
}
