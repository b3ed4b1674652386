// MUST-002: this file must NOT compile either: a pointer that is not a
// string literal (even a constant one) is refused.
#include "store/sql.hpp"

const char* table_name();

bulwark::store::Sql build() { return bulwark::store::Sql(table_name()); }
