// The positive control: literal SQL with bound parameters compiles.
#include "store/sql.hpp"

bulwark::store::Sql build() { return bulwark::store::Sql("SELECT id FROM users WHERE email = $1"); }
